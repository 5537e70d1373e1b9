# Get a Keycloak access token for MLflow and export it as MLFLOW_TRACKING_TOKEN (docs/overlays/homelab.md,
# 17_configure_discovery). Source it, do not run it:
#
#   source ~/mlflow-auth.fish
#
# Same contract as mlflow-auth.sh: reads MLFLOW_KEYCLOAK_TOKEN_URL, MLFLOW_KEYCLOAK_CLIENT_ID,
# MLFLOW_CLIENT_SECRET, MLFLOW_AUTH_USERNAME, MLFLOW_AUTH_PASSWORD (docs/overlays/homelab.md); password grant with
# curl, secrets on curl's stdin (never in an argv); JSON read with python3, or jq without it.
# On failure: a message on stderr, status 1, MLFLOW_TRACKING_TOKEN unchanged. Never prints a
# secret. Needs a UTF-8 locale (LANG=C.UTF-8, as terminals set) for non-ASCII passwords: in the C
# locale fish re-encodes them before curl sees them.

function __mlflow_auth_json --argument-names key
    # Print the string field $key of the JSON on stdin, or nothing.
    if command -q python3
        python3 -c '
import json, sys
try:
    value = json.load(sys.stdin).get(sys.argv[1])
except Exception:
    value = None
print(value if isinstance(value, str) else "")' $key
    else if command -q jq
        jq -r --arg k $key '.[$k] // empty | strings' 2>/dev/null
    else
        echo "mlflow-auth: need python3 or jq to read the token response" >&2
        return 1
    end
end

function __mlflow_auth_quote
    # A value for curl's config format: inside double quotes, escape \ and ".
    printf '"%s"' (string replace --all '\\' '\\\\' -- $argv[1] | string replace --all '"' '\\"')
end

function __mlflow_auth
    set --local missing
    for name in MLFLOW_KEYCLOAK_TOKEN_URL MLFLOW_KEYCLOAK_CLIENT_ID MLFLOW_CLIENT_SECRET \
            MLFLOW_AUTH_USERNAME MLFLOW_AUTH_PASSWORD
        if test -z "$$name"
            set --append missing $name
        end
    end
    if set --query missing[1]
        echo "mlflow-auth: not set: $missing" >&2
        return 1
    end
    if not command -q curl
        echo "mlflow-auth: curl not found" >&2
        return 1
    end

    # printf is a builtin: the secrets reach curl's stdin without appearing in any argv.
    set --local response (
        begin
            printf 'data-urlencode = "grant_type=password"\n'
            printf 'data-urlencode = %s\n' (__mlflow_auth_quote "client_id=$MLFLOW_KEYCLOAK_CLIENT_ID")
            printf 'data-urlencode = %s\n' (__mlflow_auth_quote "client_secret=$MLFLOW_CLIENT_SECRET")
            printf 'data-urlencode = %s\n' (__mlflow_auth_quote "username=$MLFLOW_AUTH_USERNAME")
            printf 'data-urlencode = %s\n' (__mlflow_auth_quote "password=$MLFLOW_AUTH_PASSWORD")
            printf 'data-urlencode = "scope=openid"\n'
        end | curl --silent --show-error --max-time 30 --config - \
            --write-out '\n%{http_code}' $MLFLOW_KEYCLOAK_TOKEN_URL 2>&1
    )
    if test $status -ne 0
        echo "mlflow-auth: cannot reach $MLFLOW_KEYCLOAK_TOKEN_URL: $response[1]" >&2
        return 1
    end
    # Command substitution splits lines: the last one is the HTTP status, the rest the body.
    set --local http_status $response[-1]
    set --local body (string join \n -- $response[1..-2])
    set --local token (printf '%s' "$body" | __mlflow_auth_json access_token)
    or return 1
    if test "$http_status" != 200; or test -z "$token"
        set --local reason (printf '%s' "$body" | __mlflow_auth_json error_description)
        if test -z "$reason"
            set reason (printf '%s' "$body" | __mlflow_auth_json error)
        end
        set --local suffix ""
        if test -n "$reason"
            set suffix ": $reason"
        end
        echo "mlflow-auth: token request for $MLFLOW_AUTH_USERNAME failed (HTTP $http_status)$suffix" >&2
        return 1
    end
    set --global --export MLFLOW_TRACKING_TOKEN $token
    echo "mlflow-auth: MLFLOW_TRACKING_TOKEN set for $MLFLOW_AUTH_USERNAME" >&2
end

function __mlflow_auth_done --argument-names code
    # Leave no helper behind in the user's shell; keep __mlflow_auth's status as the file's.
    functions --erase __mlflow_auth __mlflow_auth_json __mlflow_auth_quote __mlflow_auth_done
    return $code
end

__mlflow_auth
__mlflow_auth_done $status
