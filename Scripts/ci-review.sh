#!/usr/bin/env bash
# The review copy checked by real programs: LibreOffice must open the Word copy and keep every
# comment (ODT and PDF), headless Chromium must run the annotated view's script. Installs
# libreoffice-writer and chromium when they are missing (a few minutes once), then runs the
# review tests, which skip with a message where a program is absent — here none may be.
set -euo pipefail
cd "$(dirname "$0")/.."
install() {
  (apt-get install -y --no-install-recommends "$@" || sudo apt-get install -y --no-install-recommends "$@") >/dev/null 2>&1 \
    || { (apt-get update || sudo apt-get update) >/dev/null 2>&1; (apt-get install -y --no-install-recommends "$@" || sudo apt-get install -y --no-install-recommends "$@") >/dev/null; }
}
command -v soffice >/dev/null || { echo "installing libreoffice-writer" >&2; install libreoffice-writer; }
command -v chromium >/dev/null || { echo "installing chromium" >&2; install chromium; }
# CJK fonts, so the PDF and the screenshots show Chinese text rather than boxes.
fc-list 2>/dev/null | grep -qi "cjk" || install fonts-noto-cjk
swift test --filter "ReviewCopyLibreOfficeTests|AnnotatedViewTests" 2>&1 | tee /tmp/plancheck-review-tests.log
if grep -q "skipped" /tmp/plancheck-review-tests.log; then
  echo "a review test was skipped although its program was installed" >&2
  exit 1
fi
