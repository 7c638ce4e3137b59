# keylint in a container: built on Debian from this repository, run on debian slim as a non-root
# user with the tree to scan mounted at /src.
#   docker build -t keylint .
#   docker run --rm -v "$PWD:/src" keylint scan .
# The build stage makes the same standalone binary as scripts/build (only glibc is dynamic); the
# runtime image adds git for the git modes (--staged, --git-range, --git-history).

FROM debian:12.11-slim AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      meson ninja-build pkg-config g++ python3 nodejs npm ca-certificates \
      libre2-dev nlohmann-json3-dev libtomlplusplus-dev libboost-program-options-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /keylint
COPY deps/package.json deps/package-lock.json deps/
RUN cd deps && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
COPY . .
RUN meson setup build -Dtests=false -Dstandalone=true -Dwerror=true \
 && ninja -C build src/keylint \
 && strip build/src/keylint

FROM debian:12.11-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends git \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /nonexistent --shell /usr/sbin/nologin keylint \
 && git config --system --add safe.directory /src
COPY --from=build /keylint/build/src/keylint /usr/local/bin/keylint
USER keylint
WORKDIR /src
ENTRYPOINT ["keylint"]
CMD ["--help"]
