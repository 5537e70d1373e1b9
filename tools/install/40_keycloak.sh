#!/usr/bin/env bash
# Keycloak for the Job and plugin tests: the keycloak-quarkus-dist zip from Maven Central (pinned
# version and sha256), unpacked into .cache/keycloak/<version>/ and pre-built (`kc.sh build`) so a
# test session starts it with `kc.sh start --optimized` instead of paying Quarkus' augmentation
# (about 3 minutes on 2 busy cores) on every start. Writes .cache/keycloak/install.json, which
# tests/servers/keycloak.py reads, so the version is pinned here only.
#
# Java: Keycloak 26.7 supports OpenJDK 17, 21 and 25 and recommends the newest; the machine image
# ships Temurin 25, so no JDK is downloaded. Override with KEYCLOAK_JAVA_HOME (Java 21 or newer).
# Idempotent: a no-op when the stamp records the same version, checksum, build options and JDK.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KC_VERSION="26.7.3"
KC_SHA256="27a6535553c3cdcd083872ba40629efafb3475e3b758e0c6f691395561dd0f1f"
# Build-time options: the runtime ones (port, database file, admin) are given by the fixture.
KC_BUILD_OPTS=(--db=dev-file --health-enabled=true)
JAVA_HOME_WANT="${KEYCLOAK_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
CACHE="$ROOT/.cache/keycloak"
HOME_DIR="$CACHE/$KC_VERSION"
INFO="$CACHE/install.json"
STAMP="$HOME_DIR/.installed"
WANT="$KC_VERSION $KC_SHA256 ${KC_BUILD_OPTS[*]} $JAVA_HOME_WANT"

if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$WANT" && -f "$INFO" ]]; then
  exit 0
fi

java="$JAVA_HOME_WANT/bin/java"
[[ -x "$java" ]] || { echo "40_keycloak: no Java at $JAVA_HOME_WANT (set KEYCLOAK_JAVA_HOME)" >&2; exit 1; }
java_major="$("$java" -XshowSettings:properties -version 2>&1 \
  | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')"
if [[ -z "$java_major" || "$java_major" -lt 21 ]]; then
  echo "40_keycloak: $java is Java ${java_major:-?}; Keycloak $KC_VERSION needs 21 or newer" >&2
  exit 1
fi
command -v mvn >/dev/null || { echo "40_keycloak: needs Maven (mvn)" >&2; exit 1; }

rm -rf "$HOME_DIR" "$INFO"
mkdir -p "$CACHE"
work="$(mktemp -d "$CACHE/.tmp.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# A private local repository under .cache: nothing lands in ~/.m2, and it is deleted afterwards.
mvn -q -B -Dmaven.repo.local="$work/m2" dependency:copy \
  -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$work" \
  >"$work/mvn.log" 2>&1 || { cat "$work/mvn.log" >&2; exit 1; }
zip="$work/keycloak-quarkus-dist-$KC_VERSION.zip"
echo "$KC_SHA256  $zip" | sha256sum --check --quiet - \
  || { echo "40_keycloak: checksum mismatch for $zip" >&2; exit 1; }
unzip -q "$zip" -d "$work/unpacked"
mv "$work/unpacked/keycloak-$KC_VERSION" "$HOME_DIR"

JAVA_HOME="$JAVA_HOME_WANT" "$HOME_DIR/bin/kc.sh" build "${KC_BUILD_OPTS[@]}" \
  >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }

printf '{"version": "%s", "java_home": "%s"}\n' \
  "$KC_VERSION" "$JAVA_HOME_WANT" >"$INFO"
echo "$WANT" >"$STAMP"
