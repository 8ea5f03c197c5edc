# Production image. Node 22: Node 20 is past end of life, and every pinned package runs on both.
FROM node:22-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles when no prebuilt binary matches; these are its build tools.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Install scripts stay off (Prisma's would fetch engines); only the two native builds we need run.
RUN npm ci --no-audit --no-fund --ignore-scripts && npm rebuild better-sqlite3 esbuild
COPY . .
RUN npx prisma generate && npm run build && npm prune --omit=dev

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3000 DATABASE_URL=file:/data/onflow.sqlite
COPY --from=build /app/package.json /app/package-lock.json /app/prisma.config.ts ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY --from=build /app/prisma ./prisma
# SQLite lives on a volume so it survives redeploys; one instance only (see README, Scale).
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
EXPOSE 3000
USER node
# Migrations are applied at start (`prisma migrate deploy` on the JS engine: no download); the client
# was generated at build time, so nothing writes into node_modules at run time.
CMD ["npm", "run", "docker-start"]
