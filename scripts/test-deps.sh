#!/usr/bin/env bash
# Installs what the tests check okrctl's output with, when it is missing,
# and prints the environment the tests find it by (for eval). Idempotent
# and quick once everything is there. `make test` runs it; so does CI.
#
#   xmllint, ajv-cli   real parsers of the JUnit and GitLab Code Quality output
#   actionlint         the workflows okrctl ships and writes (built once here)
#   postgresql         the KPI source tests start a real server (initdb, pg_ctl)
#   chromium, mermaid-cli   every chart of the golden reports is rendered
#   gitlab-ci-local    GitLab's CI schema and rules, for the .gitlab-ci.yml init writes
#
# Everything goes to stderr except the export line on stdout.
set -euo pipefail
exec 3>&1 1>&2

sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
updated=""
apt_install() {
  if [ -z "$updated" ]; then
    $sudo apt-get update -qq
    updated=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

command -v xmllint >/dev/null || apt_install libxml2-utils || echo "warning: cannot install xmllint"
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
  apt_install postgresql || echo "warning: cannot install postgresql"
fi
command -v chromium >/dev/null || apt_install chromium || echo "warning: cannot install chromium"
command -v ajv >/dev/null || $sudo npm install -g --silent ajv-cli@5 >/dev/null || echo "warning: cannot install ajv-cli"

# actionlint, which a test builds from the Go module proxy: build it once
# here so that the test finds it in the module and build caches.
GOBIN=$(mktemp -d) go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12 || echo "warning: cannot build actionlint"

# mermaid-cli without its own browser download: it drives Debian's chromium.
mermaid=${XDG_CACHE_HOME:-$HOME/.cache}/okrctl-mermaid
if [ ! -x "$mermaid/node_modules/.bin/mmdc" ]; then
  mkdir -p "$mermaid"
  (cd "$mermaid" && PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund --silent @mermaid-js/mermaid-cli@11) >/dev/null ||
    echo "warning: cannot install mermaid-cli"
fi
if [ -x "$mermaid/node_modules/.bin/mmdc" ] && command -v chromium >/dev/null; then
  printf '{"executablePath": "%s", "args": ["--no-sandbox"]}\n' "$(command -v chromium)" >"$mermaid/puppeteer.json"
  echo "export MMDC='$mermaid/node_modules/.bin/mmdc' MMDC_PUPPETEER_CONFIG='$mermaid/puppeteer.json'" >&3
fi

# gitlab-ci-local carries GitLab's own CI schema (its src/schema/schema.js is
# GitLab's app/assets/javascripts/editor/schema/ci.json) and evaluates rules as
# GitLab does. 4.56 runs on Debian's Node 20; its newest releases need Node 22.
glci=${XDG_CACHE_HOME:-$HOME/.cache}/okrctl-gitlab-ci-local
if [ ! -f "$glci/node_modules/gitlab-ci-local/src/index.js" ]; then
  mkdir -p "$glci"
  (cd "$glci" && npm install --no-audit --no-fund --silent gitlab-ci-local@4.56.0) >/dev/null ||
    echo "warning: cannot install gitlab-ci-local"
fi
if [ -f "$glci/node_modules/gitlab-ci-local/src/index.js" ]; then
  echo "export GITLAB_CI_LOCAL='$glci/node_modules/gitlab-ci-local'" >&3
fi
