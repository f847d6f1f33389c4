# vigil: one image for every role (`run --role all|scheduler|worker|bot`, `poll`, `ingest`, ...).
#   docker build -t vigil:local .
#   docker run --rm vigil:local --version
#   docker run -d -p 3000:3000 -v vigil-data:/app/data vigil:local     # embedded mode: SQLite in /app/data
#   docker compose up -d                                                # scaled mode: see docker-compose.yml
# .ci/docker builds and runs it in CI (and builds the base image first where no registry answers).

# ---- deps: production dependencies only, with better-sqlite3's native addon ----
FROM node:22-bookworm-slim AS deps

# better-sqlite3 downloads a prebuilt binary when one matches; otherwise node-gyp compiles it.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# --ignore-scripts skips the root `prepare` script (a build, and the sources are not here); the rebuild
# then runs the install scripts of the two packages that have native code.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm rebuild better-sqlite3 msgpackr-extract \
 && node -e "require('better-sqlite3')(':memory:').prepare('select 1').get()"

# ---- build: compile TypeScript (needs the dev dependencies, none of which reach the runtime) ----
FROM node:22-bookworm-slim AS build

WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
COPY jobs ./jobs
RUN npm run build

# ---- runtime: only what `node bin/vigil.js` needs ----
FROM node:22-bookworm-slim AS runtime

ENV NODE_ENV=production \
    VIGIL_DB=/app/data/vigil.db

WORKDIR /app

# A fixed id that matches neither the image's `node` user (1000) nor common host users, so a bind-mounted
# data directory can be chown'ed to it: `chown 10001:10001 ./data`.
RUN groupadd --system --gid 10001 vigil \
 && useradd --system --uid 10001 --gid vigil --home-dir /app --no-create-home --shell /usr/sbin/nologin vigil \
 && mkdir -p /app/data \
 && chown vigil:vigil /app/data

# The application files stay owned by root: the vigil user can read them but not change them.
COPY package.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY seeds ./seeds

USER vigil

# Declared after the chown above: changes made to a volume path after VOLUME are discarded.
VOLUME /app/data
EXPOSE 3000

# Slim images have no curl. This uses Node's own fetch and follows VIGIL_HTTP_PORT when it is set.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.VIGIL_HTTP_PORT || 3000) + '/healthz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

ENTRYPOINT ["node", "/app/bin/vigil.js"]
CMD ["run"]
