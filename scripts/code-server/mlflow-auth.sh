# shellcheck shell=bash
# Get a Keycloak access token for MLflow and export it as MLFLOW_TRACKING_TOKEN (docs/overlays/homelab.md,
# 17_configure_discovery). Source it, do not run it:
#
#   source ~/mlflow-auth.sh
#
# Reads the variables every app gets (docs/overlays/homelab.md): MLFLOW_KEYCLOAK_TOKEN_URL,
# MLFLOW_KEYCLOAK_CLIENT_ID, MLFLOW_CLIENT_SECRET, MLFLOW_AUTH_USERNAME, MLFLOW_AUTH_PASSWORD.
# Password grant with curl; secrets go to curl on stdin (a config), never on its command line,
# where `ps` would show them. JSON is read with python3 (code-server images ship it; jq often
# not), or jq when python3 is missing. On failure: a message on stderr, status 1, and
# MLFLOW_TRACKING_TOKEN is left as it was. Nothing secret is ever printed.

__mlflow_auth_json() {
  # Print the string field $1 of the JSON on stdin, or nothing.
  if command -v python3 >/dev/null 2>&1; then
    python3 -c '
import json, sys
try:
    value = json.load(sys.stdin).get(sys.argv[1])
except Exception:
    value = None
print(value if isinstance(value, str) else "")' "$1"
  elif command -v jq >/dev/null 2>&1; then
    jq -r --arg k "$1" '.[$k] // empty | strings' 2>/dev/null
  else
    echo "mlflow-auth: need python3 or jq to read the token response" >&2
    return 1
  fi
}

__mlflow_auth_quote() {
  # A value for curl's config format: inside double quotes, escape \ and ".
  local v=${1//\\/\\\\}
  printf '"%s"' "${v//\"/\\\"}"
}

__mlflow_auth() {
  local name missing=()
  for name in MLFLOW_KEYCLOAK_TOKEN_URL MLFLOW_KEYCLOAK_CLIENT_ID MLFLOW_CLIENT_SECRET \
    MLFLOW_AUTH_USERNAME MLFLOW_AUTH_PASSWORD; do
    [[ -n "${!name:-}" ]] || missing+=("$name")
  done
  if ((${#missing[@]})); then
    echo "mlflow-auth: not set: ${missing[*]}" >&2
    return 1
  fi
  if ! command -v curl >/dev/null 2>&1; then
    echo "mlflow-auth: curl not found" >&2
    return 1
  fi

  local response status body token reason
  # printf is a builtin: the secrets reach curl's stdin without appearing in any argv.
  if ! response=$(
    {
      printf 'data-urlencode = "grant_type=password"\n'
      printf 'data-urlencode = %s\n' "$(__mlflow_auth_quote "client_id=$MLFLOW_KEYCLOAK_CLIENT_ID")"
      printf 'data-urlencode = %s\n' "$(__mlflow_auth_quote "client_secret=$MLFLOW_CLIENT_SECRET")"
      printf 'data-urlencode = %s\n' "$(__mlflow_auth_quote "username=$MLFLOW_AUTH_USERNAME")"
      printf 'data-urlencode = %s\n' "$(__mlflow_auth_quote "password=$MLFLOW_AUTH_PASSWORD")"
      printf 'data-urlencode = "scope=openid"\n'
    } | curl --silent --show-error --max-time 30 --config - \
      --write-out '\n%{http_code}' "$MLFLOW_KEYCLOAK_TOKEN_URL" 2>&1
  ); then
    echo "mlflow-auth: cannot reach $MLFLOW_KEYCLOAK_TOKEN_URL: ${response%%$'\n'*}" >&2
    return 1
  fi
  status=${response##*$'\n'}
  body=${response%$'\n'*}
  token=$(printf '%s' "$body" | __mlflow_auth_json access_token) || return 1
  if [[ "$status" != 200 || -z "$token" ]]; then
    reason=$(printf '%s' "$body" | __mlflow_auth_json error_description)
    [[ -n "$reason" ]] || reason=$(printf '%s' "$body" | __mlflow_auth_json error)
    echo "mlflow-auth: token request for $MLFLOW_AUTH_USERNAME failed (HTTP $status)${reason:+: $reason}" >&2
    return 1
  fi
  export MLFLOW_TRACKING_TOKEN="$token"
  echo "mlflow-auth: MLFLOW_TRACKING_TOKEN set for $MLFLOW_AUTH_USERNAME" >&2
}

if ! (return 0 2>/dev/null); then
  echo "mlflow-auth: source this file (source ${BASH_SOURCE[0]}); running it cannot export" >&2
  exit 2
fi
__mlflow_auth_done() {
  # Leave no helper behind in the user's shell; keep __mlflow_auth's status as the file's.
  unset -f __mlflow_auth __mlflow_auth_json __mlflow_auth_quote __mlflow_auth_done
  return "$1"
}
__mlflow_auth
__mlflow_auth_done $?
