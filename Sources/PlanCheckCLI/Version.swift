/// What `plancheck --version` prints. A source build says it is one; `Scripts/release.sh`
/// rewrites this file in its export of the commit being released, so a release names its
/// version and the commit it was built from (the working tree is never touched).
enum PlanCheckVersion {
    static let current = "0.1.0-dev (source build)"
}
