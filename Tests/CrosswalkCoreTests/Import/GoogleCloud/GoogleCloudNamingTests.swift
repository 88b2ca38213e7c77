import Testing

@testable import CrosswalkCore

/// The small rules the Google Cloud importer applies to names: resource names, member strings,
/// service-account e-mails, and the owner convention in descriptions.
@Suite("Google Cloud: names, members, e-mails")
struct GoogleCloudNamingTests {
    @Test("resource names in the gcloud and Cloud Asset Inventory forms")
    func resourceNames() throws {
        let gcloud = try #require(
            GoogleCloudAccountName("projects/p1/serviceAccounts/a@p1.iam.gserviceaccount.com/keys/k1")
        )
        #expect(gcloud.project == "p1")
        #expect(gcloud.account == "a@p1.iam.gserviceaccount.com")
        #expect(gcloud.keyID == "k1")
        #expect(gcloud.namesEmail)
        let asset = try #require(GoogleCloudAccountName("//iam.googleapis.com/projects/p2/serviceAccounts/1234"))
        #expect(asset.project == "p2")
        #expect(asset.account == "1234")
        #expect(asset.keyID == nil)
        #expect(!asset.namesEmail)
        #expect(GoogleCloudAccountName("projects/-/serviceAccounts/a@b.com")?.project == nil)
        #expect(GoogleCloudAccountName("projects/p/buckets/x") == nil)
        #expect(GoogleCloudAccountName("projects/p/serviceAccounts/") == nil)
    }

    @Test("members sorted into service accounts, deleted ones, workloads, people, public, unknown")
    func members() {
        #expect(
            GoogleCloudMember("serviceAccount:a@p.iam.gserviceaccount.com")
                == .serviceAccount(email: "a@p.iam.gserviceaccount.com")
        )
        #expect(
            GoogleCloudMember("deleted:serviceAccount:a@p.iam.gserviceaccount.com?uid=123")
                == .deletedServiceAccount(email: "a@p.iam.gserviceaccount.com", uid: "123")
        )
        #expect(GoogleCloudMember("deleted:user:bob@example.com?uid=9") == .person)
        for person in ["user:bob@example.com", "group:g@example.com", "domain:example.com", "projectOwner:p"] {
            #expect(GoogleCloudMember(person) == .person)
        }
        #expect(
            GoogleCloudMember("principal://iam.googleapis.com/locations/global/workforcePools/staff/subject/bob")
                == .person
        )
        let pool = "principal://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/ci/subject/repo"
        #expect(GoogleCloudMember(pool) == .workload(pool))
        let gke = "serviceAccount:acme-prod.svc.id.goog[payments/api]"
        #expect(GoogleCloudMember(gke) == .workload(gke))
        #expect(GoogleCloudMember("allUsers") == .everyone("allUsers"))
        #expect(GoogleCloudMember("allAuthenticatedUsers") == .everyone("allAuthenticatedUsers"))
        #expect(GoogleCloudMember("robot:r2") == .unknown(prefix: "robot"))
    }

    @Test("e-mails: projects, default accounts, service agents")
    func emails() {
        #expect(GoogleCloudAccountEmail.id(" Loader@P.iam.gserviceaccount.com ") == "loader@p.iam.gserviceaccount.com")
        #expect(GoogleCloudAccountEmail.project(of: "a@my-proj.iam.gserviceaccount.com") == "my-proj")
        #expect(GoogleCloudAccountEmail.project(of: "my-proj@appspot.gserviceaccount.com") == "my-proj")
        #expect(GoogleCloudAccountEmail.project(of: "service-1@gcp-sa-pubsub.iam.gserviceaccount.com") == nil)
        #expect(
            GoogleCloudAccountEmail.defaultAccount("123-compute@developer.gserviceaccount.com")
                == "compute-engine-default"
        )
        #expect(GoogleCloudAccountEmail.defaultAccount("123-abc@developer.gserviceaccount.com") == nil)
        #expect(GoogleCloudAccountEmail.defaultAccount("-compute@developer.gserviceaccount.com") == nil)
        #expect(GoogleCloudAccountEmail.defaultAccount("p@appspot.gserviceaccount.com") == "app-engine-default")
        #expect(GoogleCloudAccountEmail.isServiceAgent("service-1@gcp-sa-pubsub.iam.gserviceaccount.com"))
        #expect(GoogleCloudAccountEmail.isServiceAgent("123@cloudservices.gserviceaccount.com"))
        #expect(!GoogleCloudAccountEmail.isServiceAgent("service-12345@notiam.gserviceaccount.com"))
        #expect(!GoogleCloudAccountEmail.isServiceAgent("a@p.iam.gserviceaccount.com"))
    }

    @Test("owner convention in descriptions")
    func owners() {
        #expect(GoogleCloudOwnerConvention.owner(in: "Loads data. owner: team-data") == "team-data")
        #expect(GoogleCloudOwnerConvention.owner(in: "Owner=payments, tier 1") == "payments")
        #expect(GoogleCloudOwnerConvention.owner(in: "owner :sre;") == "sre")
        #expect(GoogleCloudOwnerConvention.owner(in: "co-owner of nothing") == nil)
        #expect(GoogleCloudOwnerConvention.owner(in: "coowner: x") == nil)
        #expect(GoogleCloudOwnerConvention.owner(in: "owner:") == nil)
        #expect(GoogleCloudOwnerConvention.owner(in: "Batch jobs (owner: data.platform).") == "data.platform")
        #expect(GoogleCloudOwnerConvention.owner(in: "owner: .") == nil)
        #expect(GoogleCloudOwnerConvention.owner(in: "no convention here") == nil)
    }

    @Test("policy scope from the file name")
    func policyScope() {
        #expect(GoogleCloudImporter.policyScope(ofFile: "exports/acme-prod.json") == "acme-prod")
        #expect(GoogleCloudImporter.policyScope(ofFile: "org-1234.YAML") == "org-1234")
        #expect(GoogleCloudImporter.policyScope(ofFile: "policy") == "policy")
        #expect(GoogleCloudImporter.assetScope("//cloudresourcemanager.googleapis.com/folders/9") == "folders/9")
        #expect(GoogleCloudImporter.assetScope("//storage.googleapis.com/b") == "storage.googleapis.com/b")
    }
}
