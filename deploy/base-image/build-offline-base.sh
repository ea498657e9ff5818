#!/usr/bin/env bash
# Builds a small, non-root Java 17 base image WITHOUT a Docker daemon or a registry, for machines
# that cannot pull eclipse-temurin:17-jre (no Docker Hub). Output: a `docker save`-format tarball
# that Jib takes as its base with `-Pimages-offline` (from.image = tar://...).
#
#   deploy/base-image/build-offline-base.sh [--if-missing] [OUT_TAR]
#
# Contents: a JRE jlink'ed from the local JDK 17 (JAVA_HOME or /usr/lib/jvm/java-17-openjdk-amd64),
# the shared libraries it needs (glibc, zlib, libstdc++, libgcc_s, copied from this host with ldd),
# the JDK's CA certificates, /etc/passwd and /etc/group with the user forecourt (uid/gid 10001),
# /tmp (1777) and /workspace owned by 10001. In a normal pipeline this script is not used: the
# base there is eclipse-temurin:17-jre (see the parent pom, property jib.from.image).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
IF_MISSING=false
if [ "${1:-}" = "--if-missing" ]; then IF_MISSING=true; shift; fi
OUT="${1:-$ROOT/deploy/target/base-image/forecourt-jre17-offline.tar}"
mkdir -p "$(dirname "$OUT")"
# several modules may ask at once (mvn -T): one builds, the others wait and reuse it
exec 9>"$OUT.lock"
flock 9
if $IF_MISSING && [ -s "$OUT" ]; then echo "offline base image present: $OUT"; exit 0; fi
JDK="${JDK_FOR_BASE:-/usr/lib/jvm/java-17-openjdk-amd64}"
[ -x "$JDK/bin/jlink" ] || JDK="$(dirname "$(dirname "$(readlink -f "$(command -v jlink)")")")"
[ -d "$JDK/jmods" ] || { echo "no jmods under $JDK: install openjdk-17-jdk (Debian) or set JDK_FOR_BASE" >&2; exit 1; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
R="$WORK/rootfs"
mkdir -p "$R/opt" "$R/etc" "$R/tmp" "$R/workspace" "$(dirname "$OUT")"

# Modules a Spring Boot 4 service with Mongo, Kafka, Tomcat/Netty, JMX-free Micrometer and TLS needs
# (java.desktop for java.beans; jdk.naming.dns for mongodb+srv; jdk.crypto.ec for TLS; jdk.management
# for JVM metrics; jdk.jfr for diagnostics).
MODULES=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.management.rmi,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.jfr,jdk.management,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs,jdk.localedata
"$JDK/bin/jlink" --module-path "$JDK/jmods" --add-modules "$MODULES" \
  --include-locales=en,zh --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$R/opt/java"

# The JDK's security files are symlinks into /etc on Debian: copy the real files in.
for f in "$R"/opt/java/lib/security/* "$R"/opt/java/conf/security/java.security; do
  if [ -L "$f" ]; then t="$(readlink -f "$f" || true)"; rm -f "$f"; [ -n "$t" ] && [ -f "$t" ] && cp "$t" "$f"; fi
done
[ -f "$R/opt/java/lib/security/cacerts" ] || cp "$(readlink -f "$JDK/lib/security/cacerts")" "$R/opt/java/lib/security/cacerts"
find "$R/opt/java" -xtype l -delete   # any dangling link left by the copy

# curl for health checks (docker-compose `healthcheck`), as eclipse-temurin images have it.
mkdir -p "$R/usr/bin" && cp -L "$(command -v curl)" "$R/usr/bin/curl"
# Shared libraries the JRE and curl need, copied with their paths, plus the dynamic loader.
copy_lib() { local p="$1"; [ -e "$R$p" ] && return 0; mkdir -p "$R$(dirname "$p")"; cp -L "$p" "$R$p"; }
while read -r lib; do copy_lib "$lib"; done < <(
  find "$R/opt/java" "$R/usr/bin" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null \
    | awk '/=> \//{print $3} /^\s*\/lib/{print $1}' | grep -v "^$R" | sort -u)
copy_lib /lib64/ld-linux-x86-64.so.2
# libc's resolver pieces (DNS inside the cluster)
for l in /lib/x86_64-linux-gnu/libnss_dns.so.2 /lib/x86_64-linux-gnu/libnss_files.so.2 /lib/x86_64-linux-gnu/libresolv.so.2; do
  [ -e "$l" ] && copy_lib "$l"
done

cat > "$R/etc/passwd" <<'P'
root:x:0:0:root:/root:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
forecourt:x:10001:10001:forecourt:/workspace:/sbin/nologin
P
cat > "$R/etc/group" <<'G'
root:x:0:
nogroup:x:65534:
forecourt:x:10001:
G
printf 'hosts: files dns\n' > "$R/etc/nsswitch.conf"

python3 - "$R" "$OUT" <<'PY'
import hashlib, io, json, os, sys, tarfile, time
root, out = sys.argv[1], sys.argv[2]
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as t:
    for d, dirs, files in os.walk(root):
        dirs.sort(); files.sort()
        for n in [*dirs, *files]:
            p = os.path.join(d, n); arc = os.path.relpath(p, root)
            ti = t.gettarinfo(p, arc); ti.mtime = 1; ti.uname = ti.gname = ""
            ti.uid = ti.gid = 0
            if arc == "tmp": ti.mode = 0o1777
            if arc == "workspace": ti.uid = ti.gid = 10001
            if ti.isfile():
                with open(p, "rb") as f: t.addfile(ti, f)
            else:
                t.addfile(ti)
layer = buf.getvalue()
diff_id = "sha256:" + hashlib.sha256(layer).hexdigest()
config = {
  "architecture": "amd64", "os": "linux", "created": "1970-01-01T00:00:00Z",
  "config": {
    "User": "10001:10001", "WorkingDir": "/workspace",
    "Env": ["PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "JAVA_HOME=/opt/java", "LANG=C.UTF-8"],
    "Labels": {"org.opencontainers.image.title": "forecourt-jre17-offline",
               "org.opencontainers.image.description": "jlink'ed JDK 17 runtime + glibc, non-root; offline stand-in for eclipse-temurin:17-jre"}},
  "rootfs": {"type": "layers", "diff_ids": [diff_id]},
  "history": [{"created": "1970-01-01T00:00:00Z", "created_by": "deploy/base-image/build-offline-base.sh"}]}
cfg = json.dumps(config, sort_keys=True).encode()
cfg_name = hashlib.sha256(cfg).hexdigest() + ".json"
layer_name = diff_id[7:] + "/layer.tar"
manifest = json.dumps([{"Config": cfg_name, "RepoTags": ["forecourt/jre17-offline:latest"], "Layers": [layer_name]}]).encode()
def add(t, name, data):
    ti = tarfile.TarInfo(name); ti.size = len(data); ti.mtime = 1; t.addfile(ti, io.BytesIO(data))
with tarfile.open(out + ".part", "w") as t:
    add(t, cfg_name, cfg); add(t, layer_name, layer); add(t, "manifest.json", manifest)
os.replace(out + ".part", out)
print(f"{out}: layer {len(layer)/1e6:.1f} MB, {diff_id}")
PY
