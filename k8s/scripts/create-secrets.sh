#!/usr/bin/env bash
# Creates the Secrets the manifests reference and nobody else creates, with fresh random values, in a namespace.
# Nothing secret is ever written to the repository; the values exist only in the cluster (and, for the client
# secrets, in what you hand to each department system).
#
#   k8s/scripts/create-secrets.sh NAMESPACE [--dev] [--clients FILE] [--dry-run]
#
# Always (dev and prod):
#   identity-keys      signing-key.pem (RSA 2048, PKCS#8) and encryption-key.txt (32 random bytes, base64): the token
#                      service's keys, mounted at Identity__KeysPath
#   identity-clients   clients.json: a secret per client of the registration file (default: the one the identity
#                      image ships, src/Cchc.Identity/clients.demo.json), read by the identity migrator
#   integration-suite-client  client-secret: the LGSP/NGSP adapter's secret as the token service's client
#                      cchc-integration (the same value as in identity-clients, taken from it if that exists already)
#   integration-ngsp   client-id, client-secret: the platform's client at the NGSP token endpoint. Created with
#                      placeholder values (the NGSP issues the real ones, docs/integration.md): replace them with
#                      kubectl create secret generic integration-ngsp --from-literal=client-id=… --from-literal=client-secret=…
#                      --dry-run=client -o yaml | kubectl -n NAMESPACE apply -f -, then roll deploy/integration-api
# With --dev (in prod the operators generate these: CloudNativePG <db>-app, the RabbitMQ operator messaging-default-user):
#   <db>-app           username, password, dbname of each service database (proceduresdb ... integrationdb, identitydb)
#   messaging-default-user  username, password, default_user.conf
# Not created here (they come from outside): gateway-tls (the gateway's certificate), cchc-backup-s3 (the bucket's keys).
#
# An existing Secret is kept, never overwritten (rotation is a deliberate step: docs/operations.md). --dry-run prints
# the Secrets as YAML instead of creating them (no cluster needed; the tests use it).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NAMESPACE=""
DEV=0
DRY_RUN=0
CLIENTS_FILE="$ROOT/src/Cchc.Identity/clients.demo.json"
DATABASES=(proceduresdb legaldb organisationdb financedb egovdb programmedb integrationdb reportingdb identitydb)
INTEGRATION_CLIENT="cchc-integration"

usage() { sed -n '2,25p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dev) DEV=1 ;;
    --dry-run) DRY_RUN=1 ;;
    --clients) shift; CLIENTS_FILE="${1:?--clients needs a file}" ;;
    -h|--help) usage ;;
    -*) echo "create-secrets: unknown option $1" >&2; usage ;;
    *) [[ -z "$NAMESPACE" ]] || usage; NAMESPACE="$1" ;;
  esac
  shift
done
[[ -n "$NAMESPACE" ]] || usage
[[ -f "$CLIENTS_FILE" ]] || { echo "create-secrets: no registration file $CLIENTS_FILE" >&2; exit 1; }

WORK="$(mktemp -d)"
chmod 700 "$WORK"
trap 'rm -rf "$WORK"' EXIT

# 32 random bytes as URL-safe base64 (43 characters: letters, digits, - and _), safe inside connection strings and URIs.
random_secret() { openssl rand 32 | base64 | tr '+/' '-_' | tr -d '=\n'; }

first=1
# secret NAME kubectl-create-secret-arguments...
secret() {
  local name="$1"; shift
  if [[ $DRY_RUN -eq 1 ]]; then
    [[ $first -eq 1 ]] || echo "---"
    first=0
    kubectl create secret generic "$name" --namespace "$NAMESPACE" "$@" --dry-run=client -o yaml
  elif kubectl get secret "$name" --namespace "$NAMESPACE" >/dev/null 2>&1; then
    echo "create-secrets: $NAMESPACE/$name exists, kept" >&2
  else
    kubectl create secret generic "$name" --namespace "$NAMESPACE" "$@" >/dev/null
    echo "create-secrets: $NAMESPACE/$name created" >&2
  fi
}

# The token service's keys.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/signing-key.pem" 2>/dev/null
openssl rand -base64 32 | tr -d '\n' > "$WORK/encryption-key.txt"
secret identity-keys --from-file=signing-key.pem="$WORK/signing-key.pem" --from-file=encryption-key.txt="$WORK/encryption-key.txt"

# A secret per registered client ({"clients": [{"clientId": ..., "clientSecret": ...}]}, the identity migrator's format).
mapfile -t CLIENT_IDS < <(sed -n 's/.*"clientId"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$CLIENTS_FILE")
[[ ${#CLIENT_IDS[@]} -gt 0 ]] || { echo "create-secrets: no clientId in $CLIENTS_FILE" >&2; exit 1; }
{
  printf '{\n  "clients": [\n'
  for i in "${!CLIENT_IDS[@]}"; do
    [[ $i -eq 0 ]] || printf ',\n'
    printf '    { "clientId": "%s", "clientSecret": "%s" }' "${CLIENT_IDS[$i]}" "$(random_secret)"
  done
  printf '\n  ]\n}\n'
} > "$WORK/clients.json"
secret identity-clients --from-file=clients.json="$WORK/clients.json"

# The adapter's own client secret, as the token service has it: from the cluster's identity-clients if it was kept.
if [[ $DRY_RUN -eq 0 ]] && kubectl get secret identity-clients --namespace "$NAMESPACE" >/dev/null 2>&1; then
  kubectl get secret identity-clients --namespace "$NAMESPACE" -o jsonpath='{.data.clients\.json}' | base64 -d > "$WORK/clients.json"
fi
integration_secret="$(tr -d '\n' < "$WORK/clients.json" | sed -n 's/.*"clientId"[[:space:]]*:[[:space:]]*"'"$INTEGRATION_CLIENT"'"[[:space:]]*,[[:space:]]*"clientSecret"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')"
if [[ -n "$integration_secret" ]]; then
  secret integration-suite-client --from-literal=client-secret="$integration_secret"
else
  echo "create-secrets: $INTEGRATION_CLIENT is not a registered client: integration-suite-client not created" >&2
fi
# Placeholders until the NGSP has issued the platform's client (the adapter's national calls fail until then).
secret integration-ngsp --from-literal=client-id=REPLACE-WITH-NGSP-CLIENT-ID --from-literal=client-secret=REPLACE-WITH-NGSP-CLIENT-SECRET

if [[ $DEV -eq 1 ]]; then
  for db in "${DATABASES[@]}"; do
    secret "$db-app" --from-literal=username="${db%db}" --from-literal=password="$(random_secret)" --from-literal=dbname="$db"
  done
  mq_user="cchc"
  mq_password="$(random_secret)"
  printf 'default_user = %s\ndefault_pass = %s\n' "$mq_user" "$mq_password" > "$WORK/default_user.conf"
  secret messaging-default-user --from-literal=username="$mq_user" --from-literal=password="$mq_password" \
    --from-file=default_user.conf="$WORK/default_user.conf"
fi

if [[ $DRY_RUN -eq 0 ]]; then
  echo "create-secrets: the clients' secrets are in the Secret identity-clients; hand each to its system out of band:" >&2
  echo "  kubectl -n $NAMESPACE get secret identity-clients -o jsonpath='{.data.clients\\.json}' | base64 -d" >&2
fi
