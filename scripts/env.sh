# Sourced by the build, test and bench scripts: the environment emcc needs.
# Debian's emcc runs a Node script that needs acorn, which lives in /usr/share/nodejs.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
# A user's emsdk, if there is one, wins over the system's emscripten.
if [ -n "${EMSDK:-}" ] && [ -x "$EMSDK/upstream/emscripten/em++" ]; then
  export PATH="$EMSDK/upstream/emscripten:$PATH"
fi
