import CrosswalkTestSupport
import Foundation
import Testing

/// Runs compliance-trestle, NIST OSCAL's Python SDK, on an OSCAL Assessment Results export: its
/// models load the document (every field typed and checked), a short script reports what they
/// hold, and `trestle validate` runs in a fresh trestle workspace.
enum OSCALTrestleClient {
    /// What trestle's models hold, as the script below reports it.
    struct Summary: Decodable {
        struct EntryFinding: Decodable {
            var framework: String
            var entry: String
            var entryStatus: String
            var targetID: String
            var state: String?
            var reason: String?
            var implementation: String?
        }
        struct Observation: Decodable {
            var findingID: String
            var control: String
            var status: String
            var owner: String
            var subject: String
            var subjectID: String
            var evidence: [String]
            var evidenceLinks: [String]
        }
        struct Risk: Decodable {
            var control: String
            var status: String
            var relatedObservations: Int
        }
        struct Resource: Decodable {
            var path: String
            var role: String
            var sha256: String
        }
        var results: Int
        var findings: [EntryFinding]
        var controlObservations: Int
        var observations: [Observation]
        var risks: [Risk]
        var resources: [Resource]
        /// Files of the back-matter whose bytes on disk do not hash to the stated SHA-256.
        var hashMismatches: [String]
        /// Observations whose UUID is not the documented derivation from their finding id.
        var uuidMismatches: Int
        /// `#uuid` references (links, evidence, related observations and risks, import-ap) that
        /// name nothing in the document.
        var unresolvedReferences: [String]
        var duplicateUUIDs: Int
    }

    static let summaryScript = #"""
        import hashlib, json, pathlib, sys
        from trestle.oscal.assessment_results import AssessmentResults

        def val(x):
            if x is None:
                return None
            while hasattr(x, "__root__"):
                x = x.__root__
            return x.value if hasattr(x, "value") else x

        def props(o):
            return {p.name: p.value for p in (o.props or [])}

        NS = "https://crosswalk.invalid/ns/oscal"
        def derived(name):
            b = bytearray(hashlib.sha256((NS + "\n" + name).encode()).digest()[:16])
            b[6] = (b[6] & 0x0F) | 0x50
            b[8] = (b[8] & 0x3F) | 0x80
            h = b.hex()
            return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

        path, root = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
        ar = AssessmentResults.oscal_read(path)
        res = ar.results[0]
        resources = {r.uuid: r for r in (ar.back_matter.resources or [])}
        observations = {o.uuid: o for o in (res.observations or [])}
        risks = {r.uuid: r for r in (res.risks or [])}
        unresolved, uuids = [], []
        def ref(href):
            if not href.startswith("#") or href[1:] not in resources:
                unresolved.append(href)

        ref(ar.import_ap.href)
        for link in res.links or []:
            ref(link.href)
        for sel in res.reviewed_controls.control_selections:
            for link in sel.links or []:
                ref(link.href)
        out = {"results": len(ar.results), "findings": [], "observations": [], "risks": [], "resources": [],
               "hashMismatches": [], "uuidMismatches": 0, "controlObservations": 0}
        for o in res.observations or []:
            uuids.append(o.uuid)
            p = props(o)
            if "finding-id" not in p:
                out["controlObservations"] += 1
                continue
            if o.uuid != derived("observation\n" + p["finding-id"]):
                out["uuidMismatches"] += 1
            links = [e.href for e in (o.relevant_evidence or []) if e.href]
            for href in links:
                ref(href)
            s = o.subjects[0]
            out["observations"].append({
                "findingID": p["finding-id"], "control": p["control"], "status": p["status"], "owner": p["owner"],
                "subject": s.title, "subjectID": props(s)["subject-id"],
                "evidence": [e.description for e in (o.relevant_evidence or [])], "evidenceLinks": links})
        for r in res.risks or []:
            uuids.append(r.uuid)
            for ro in r.related_observations or []:
                if ro.observation_uuid not in observations:
                    unresolved.append(ro.observation_uuid)
            out["risks"].append({"control": props(r)["control"], "status": val(r.status),
                                 "relatedObservations": len(r.related_observations or [])})
        for f in res.findings or []:
            uuids.append(f.uuid)
            p = props(f)
            st = f.target.status
            for ro in f.related_observations or []:
                if ro.observation_uuid not in observations:
                    unresolved.append(ro.observation_uuid)
            for rr in f.related_risks or []:
                if rr.risk_uuid not in risks:
                    unresolved.append(rr.risk_uuid)
            out["findings"].append({
                "framework": p["framework"], "entry": p["entry"], "entryStatus": p["entry-status"],
                "targetID": f.target.target_id, "state": val(st.state) if st else None,
                "reason": val(st.reason) if st else None,
                "implementation": val(f.target.implementation_status.state) if f.target.implementation_status else None})
        for r in ar.back_matter.resources:
            uuids.append(r.uuid)
            if not r.rlinks:
                continue
            p = props(r)
            sha = r.rlinks[0].hashes[0].value
            out["resources"].append({"path": r.title, "role": p["role"], "sha256": sha})
            file = root / r.title
            if file.exists() and hashlib.sha256(file.read_bytes()).hexdigest() != sha:
                out["hashMismatches"].append(r.title)
        out["unresolvedReferences"] = unresolved
        out["duplicateUUIDs"] = len(uuids) - len(set(uuids))
        print(json.dumps(out))
        """#

    static let validateScript = #"""
        import subprocess, sys, tempfile
        source = sys.argv[1]
        with tempfile.TemporaryDirectory() as workspace:
            def trestle(*arguments):
                done = subprocess.run([sys.executable, "-m", "trestle", *arguments], cwd=workspace,
                                      capture_output=True, text=True)
                if done.returncode != 0:
                    print(" ".join(arguments), "failed:", done.stdout, done.stderr)
                    sys.exit(1)
                return done
            trestle("init")
            trestle("import", "-f", source, "-o", "crosswalk")
            done = trestle("validate", "-f", "assessment-results/crosswalk/assessment-results.json")
            print(done.stdout, done.stderr)
        """#

    /// Writes `bytes` to a temporary file and loads it with trestle's models (callers check
    /// ``PythonClient/available(_:)`` first).
    static func summary(of bytes: [UInt8]) throws -> Summary {
        let file = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try PythonClient.run(script: summaryScript, arguments: [file.path, Fixtures.repositoryRoot.path])
        try #require(result.exitCode == 0, "trestle's models load the document: \(result.stderr)")
        return try JSONDecoder().decode(Summary.self, from: Data(result.stdout.utf8))
    }

    /// Runs `trestle init`, `trestle import` and `trestle validate` on `bytes`; returns the exit
    /// code and what trestle said.
    static func validate(_ bytes: [UInt8]) throws -> PythonClient.Result {
        let file = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(at: file) }
        return try PythonClient.run(script: validateScript, arguments: [file.path])
    }

    private static func temporaryFile(_ bytes: [UInt8]) throws -> URL {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("crosswalk-oscal-\(UUID().uuidString).json")
        try Data(bytes).write(to: file)
        return file
    }
}
