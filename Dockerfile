# Crosswalk in a container, for scheduled runs (docs/scheduling.md). Not built in CI (the CI
# machine has no container runtime); build it with:
#   docker build -t crosswalk:0.1.0 .
#   docker run --rm -v "$PWD/examples:/work/examples:ro" -v "$PWD/nightly-reports:/work/nightly-reports" \
#     -w /work crosswalk:0.1.0 run --config examples/nightly/crosswalk.yaml

# Build stage: the official Swift image with the libxml2 and SQLite headers.
FROM swift:6.0-jammy AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends libxml2-dev libsqlite3-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Resolve dependencies first so they are cached apart from the sources.
COPY Package.swift ./
RUN swift package resolve || true
COPY . .
RUN swift build -c release --product crosswalk \
    && install -D "$(swift build -c release --show-bin-path)/crosswalk" /out/crosswalk

# Runtime stage: the slim Swift runtime image, libxml2 and SQLite, and an unprivileged user.
FROM swift:6.0-jammy-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends libxml2 libsqlite3-0 ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --user-group --home-dir /var/lib/crosswalk crosswalk
COPY --from=build /out/crosswalk /usr/local/bin/crosswalk
USER 10001:10001
WORKDIR /var/lib/crosswalk
ENTRYPOINT ["/usr/local/bin/crosswalk"]
CMD ["--help"]
