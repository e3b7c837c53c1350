# The assessor application image: web (gunicorn) and worker (`assessor worker`) run from it.
# Debian's Python and Node.js, so it builds where Debian packages, PyPI and npm are reachable.
ARG BASE_IMAGE=debian:bookworm-slim

# The code editor bundle (CodeMirror 6 from npm, built with esbuild); only the bundle is kept.
FROM ${BASE_IMAGE} AS editor
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm ca-certificates \
 && rm -rf /var/lib/apt/lists/*
# Extra certificates for networks whose proxy re-signs TLS (see docker/extra-ca/README.md).
COPY docker/extra-ca/ /usr/local/share/ca-certificates/extra/
RUN update-ca-certificates >/dev/null
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
WORKDIR /editor
COPY assessor/static/editor/package.json assessor/static/editor/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY assessor/static/editor/src src
RUN npx esbuild src/editor.js --bundle --minify --format=iife --outfile=/build/editor.js

FROM ${BASE_IMAGE}
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3 python3-venv ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY docker/extra-ca/ /usr/local/share/ca-certificates/extra/
RUN update-ca-certificates >/dev/null
ENV PIP_CERT=/etc/ssl/certs/ca-certificates.crt

WORKDIR /app
COPY pyproject.toml README.md ./
COPY assessor assessor
COPY sandbox sandbox
COPY migrations migrations
COPY challenges challenges
COPY --from=editor /build/editor.js assessor/static/build/editor.js
RUN python3 -m venv /opt/venv && /opt/venv/bin/pip install --no-cache-dir -e .

ENV PATH=/opt/venv/bin:$PATH ASSESSOR_INSTANCE=/var/lib/assessor ASSESSOR_CHALLENGES=/app/challenges \
    PYTHONUNBUFFERED=1
RUN useradd --system --uid 999 --home-dir /var/lib/assessor assessor \
 && mkdir -p /var/lib/assessor && chown assessor /var/lib/assessor
USER assessor
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-", "assessor:create_app()"]
