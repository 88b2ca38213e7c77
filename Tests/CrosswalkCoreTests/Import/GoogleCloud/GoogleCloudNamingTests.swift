import Testing

@testable import CrosswalkCore

/// The small rules the Google Cloud importer applies to names: resource names, member strings,
/// service-account e-mails, and the owner convention in descriptions.
@Suite("Google Cloud: names, members, e-mails")
struct GoogleCloudNamingTests {
    @Test("resource names in the gcloud and Cloud Asset Inventory forms")
    func resourceNames() throws {
        let gcloud = try #require(
            ServiceAccountName("projects/p1/serviceAccounts/a@p1.iam.gserviceaccount.com/keys/k1")
        )
        #expect(gcloud.project == "p1")
        #expect(gcloud.account == "a@p1.iam.gserviceaccount.com")
        #expect(gcloud.keyID == "k1")
        #expect(gcloud.namesEmail)
        let asset = try #require(ServiceAccountName("//iam.googleapis.com/projects/p2/serviceAccounts/1234"))
        #expect(asset.project == "p2")
        #expect(asset.account == "1234")
        #expect(asset.keyID == nil)
        #expect(!asset.namesEmail)
        #expect(ServiceAccountName("projects/-/serviceAccounts/a@b.com")?.project == nil)
        #expect(ServiceAccountName("projects/p/buckets/x") == nil)
        #expect(ServiceAccountName("projects/p/serviceAccounts/") == nil)
    }

    @Test("members sorted into service accounts, deleted ones, workloads, people, public, unknown")
    func members() {
        #expect(
            IAMMember("serviceAccount:a@p.iam.gserviceaccount.com")
                == .serviceAccount(email: "a@p.iam.gserviceaccount.com")
        )
        #expect(
            IAMMember("deleted:serviceAccount:a@p.iam.gserviceaccount.com?uid=123")
                == .deletedServiceAccount(email: "a@p.iam.gserviceaccount.com", uid: "123")
        )
        #expect(IAMMember("deleted:user:bob@example.com?uid=9") == .person)
        for person in ["user:bob@example.com", "group:g@example.com", "domain:example.com", "projectOwner:p"] {
            #expect(IAMMember(person) == .person)
        }
        #expect(
            IAMMember("principal://iam.googleapis.com/locations/global/workforcePools/staff/subject/bob") == .person
        )
        let pool = "principal://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/ci/subject/repo"
        #expect(IAMMember(pool) == .workload(pool))
        #expect(IAMMember("allUsers") == .everyone("allUsers"))
        #expect(IAMMember("allAuthenticatedUsers") == .everyone("allAuthenticatedUsers"))
        #expect(IAMMember("robot:r2") == .unknown(prefix: "robot"))
    }

    @Test("e-mails: projects, default accounts, service agents")
    func emails() {
        #expect(ServiceAccountEmail.id(" Loader@P.iam.gserviceaccount.com ") == "loader@p.iam.gserviceaccount.com")
        #expect(ServiceAccountEmail.project(of: "a@my-proj.iam.gserviceaccount.com") == "my-proj")
        #expect(ServiceAccountEmail.project(of: "my-proj@appspot.gserviceaccount.com") == "my-proj")
        #expect(ServiceAccountEmail.project(of: "service-1@gcp-sa-pubsub.iam.gserviceaccount.com") == nil)
        #expect(
            ServiceAccountEmail.defaultAccount("123-compute@developer.gserviceaccount.com") == "compute-engine-default"
        )
        #expect(ServiceAccountEmail.defaultAccount("123-abc@developer.gserviceaccount.com") == nil)
        #expect(ServiceAccountEmail.defaultAccount("-compute@developer.gserviceaccount.com") == nil)
        #expect(ServiceAccountEmail.defaultAccount("p@appspot.gserviceaccount.com") == "app-engine-default")
        #expect(ServiceAccountEmail.isServiceAgent("service-1@gcp-sa-pubsub.iam.gserviceaccount.com"))
        #expect(ServiceAccountEmail.isServiceAgent("123@cloudservices.gserviceaccount.com"))
        #expect(!ServiceAccountEmail.isServiceAgent("service-12345@notiam.gserviceaccount.com"))
        #expect(!ServiceAccountEmail.isServiceAgent("a@p.iam.gserviceaccount.com"))
    }

    @Test("owner convention in descriptions")
    func owners() {
        #expect(OwnerConvention.owner(in: "Loads data. owner: team-data") == "team-data")
        #expect(OwnerConvention.owner(in: "Owner=payments, tier 1") == "payments")
        #expect(OwnerConvention.owner(in: "owner :sre;") == "sre")
        #expect(OwnerConvention.owner(in: "co-owner of nothing") == nil)
        #expect(OwnerConvention.owner(in: "coowner: x") == nil)
        #expect(OwnerConvention.owner(in: "owner:") == nil)
        #expect(OwnerConvention.owner(in: "no convention here") == nil)
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
