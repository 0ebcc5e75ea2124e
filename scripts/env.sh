# Sourced by the setup scripts: puts a Node.js ≥ 22.12 first on PATH, installing one from the npm registry
# (the `node@22` package carries a real Node binary) into .tools/ when the machine's Node is older.
# Köprü needs Node 22: better-sqlite3 13 and Electron 45 do not run on Node 20.

kopru_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kopru_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)?0:1)'
}
if ! kopru_node_ok; then
  tools="$kopru_root/.tools/node22"
  if [ ! -x "$tools/bin/node" ]; then
    echo "Node $(node --version 2>/dev/null || echo yok) eski; npm'den Node 22 kuruluyor / installing Node 22 from npm into $tools" >&2
    npm install --silent --no-audit --no-fund --prefix "$tools" -g node@22 >&2
  fi
  export PATH="$tools/bin:$PATH"
  kopru_node_ok || { echo "Node 22 kurulamadı / could not provision Node 22" >&2; return 1; }
fi
