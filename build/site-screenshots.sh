#!/usr/bin/env bash
# Screenshots of the staged site in headless Chromium, to look at what a reader sees (menu, code blocks, tables):
# the front page and the train goal's page. Run after `mvn site site:stage`:
#   build/site-screenshots.sh [output folder, default /tmp/site-screenshots]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-/tmp/site-screenshots}"
staging="$PWD/target/staging"
if [ ! -f "$staging/index.html" ]; then
    echo "no $staging/index.html: build the site first (mvn site site:stage)" >&2
    exit 1
fi
chromium="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$chromium" ]; then
    echo "headless Chromium is needed (apt-get install chromium)" >&2
    exit 1
fi
mkdir -p "$out"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
for page in index train-mojo; do
    "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --hide-scrollbars --user-data-dir="$profile" \
        --window-size=1280,2000 --screenshot="$out/$page.png" "file://$staging/$page.html" 2>"$profile/$page.log" \
        || { cat "$profile/$page.log" >&2; exit 1; }
    echo "$out/$page.png"
done
