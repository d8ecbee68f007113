# syntax=docker/dockerfile:1
# Marquee's image: dependencies and the web app are built in stages of their own, and the runtime
# stage holds only production dependencies, the server's TypeScript (run by Node's type stripping,
# nothing to compile) and the built web app. Build: `docker build -t marquee .`; run the stack with
# `docker compose up` (compose.yaml, docs/operations.md).
ARG NODE_IMAGE=node:24-bookworm-slim

# Every dependency, dev ones included (Vite builds the web app). Workspaces need their package.json.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY tools/web-api-types/package.json tools/web-api-types/package.json
COPY tools/lint/package.json tools/lint/package.json
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

# The web app: web/dist, with .br and .gz beside each text asset (build-if-stale.ts).
FROM deps AS web
COPY web ./web
COPY src/platform/iso-4217.ts src/platform/iso-4217.ts
RUN node web/build-if-stale.ts

# Production dependencies only (no Vite, no TypeScript, no pinned Node binary: the image has Node 24).
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY tools/web-api-types/package.json tools/web-api-types/package.json
COPY tools/lint/package.json tools/lint/package.json
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
# Listen on every interface of the container; data (PGlite without DATABASE_URL, media, the dev
# mailbox) in /data, a volume. Node keeps its compiled code between restarts of the container.
ENV HOST=0.0.0.0 \
    PORT=8080 \
    GRPC_PORT=8081 \
    DATA_DIR=/data \
    WEB_DIST=/app/web/dist \
    NODE_COMPILE_CACHE=/tmp/node-compile-cache
COPY --from=prod-deps /app/node_modules ./node_modules
COPY package.json ./
COPY proto ./proto
COPY src ./src
COPY --from=web /app/web/dist ./web/dist
# The image's own non-root user (uid 1000) owns only the data directory; the code is read-only to it.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080 8081
# No curl in a slim image: Node asks /healthz (alive) itself. Readiness (/readyz) is the proxy's business.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
# Node itself, no npm or shell in between, so SIGTERM reaches the server (graceful shutdown, main.ts).
# Run it with an init (`docker run --init`, compose `init: true`): as PID 1 a process gets no default
# signal actions, and main.ts's "second signal stops at once" relies on them.
CMD ["node", "src/main.ts"]
