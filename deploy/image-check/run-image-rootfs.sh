#!/usr/bin/env bash
# Runs a Jib image tarball WITHOUT a container engine, the way a runtime would as far as the
# process is concerned: unpacks its layers into a root filesystem, then execs the image's own
# Entrypoint as the image's own User (chroot --userspec), with the image's Env plus the
# given overrides, /proc mounted (the JVM reads its limits from there) and optionally a
# cgroup v2 memory limit. Needs root (chroot, mount). For demonstrations on machines without
# Docker; no isolation of network or pids is attempted.
#
#   deploy/image-check/run-image-rootfs.sh IMAGE_TAR [--memory 512M] [NAME=VALUE ...]
set -euo pipefail
TAR="$(readlink -f "$1")"; shift
MEM=""
if [ "${1:-}" = "--memory" ]; then MEM="$2"; shift 2; fi
WORK="$(mktemp -d /tmp/forecourt-rootfs.XXXXXX)"
R="$WORK/rootfs"; mkdir -p "$R" "$WORK/img"
tar -xf "$TAR" -C "$WORK/img"
python3 - "$WORK/img" "$R" "$WORK" "$@" <<'PY'
import json, os, shlex, sys, tarfile
img, root, work, overrides = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
m = json.load(open(os.path.join(img, "manifest.json")))[0]
cfg = json.load(open(os.path.join(img, m["Config"])))["config"]
for layer in m["Layers"]:
    with tarfile.open(os.path.join(img, layer)) as t:
        t.extractall(root, numeric_owner=True, filter="fully_trusted")
env = dict(e.split("=", 1) for e in cfg.get("Env", []))
env.update(dict(o.split("=", 1) for o in overrides))
with open(os.path.join(work, "run.env"), "w") as f:
    for k, v in env.items(): f.write(f"{k}={v}\n")
with open(os.path.join(work, "run.sh"), "w") as f:
    f.write("USER_SPEC=%s\nWORKDIR=%s\nCMD=(%s)\n" % (shlex.quote(cfg.get("User", "0:0")),
            shlex.quote(cfg.get("WorkingDir", "/")), " ".join(shlex.quote(a) for a in cfg["Entrypoint"] + (cfg.get("Cmd") or []))))
print("image user:", cfg.get("User"), "| entrypoint:", " ".join(cfg["Entrypoint"]), file=sys.stderr)
PY
# shellcheck disable=SC1091
source "$WORK/run.sh"
mkdir -p "$R/proc" "$R/etc" "$R/tmp"; chmod 1777 "$R/tmp"
cp /etc/hosts "$R/etc/hosts"; cp /etc/resolv.conf "$R/etc/resolv.conf" 2>/dev/null || true
mount -t proc proc "$R/proc"
# the cgroup filesystem, as a runtime mounts it: the JVM reads its memory limit there
mkdir -p "$R/sys/fs/cgroup" && mount --bind /sys/fs/cgroup "$R/sys/fs/cgroup" 2>/dev/null || echo "(no cgroup fs in the root)" >&2
cleanup() { umount -l "$R/sys/fs/cgroup" 2>/dev/null; umount -l "$R/proc" 2>/dev/null; rm -rf --one-file-system "$WORK"; [ -n "${CG:-}" ] && rmdir "$CG" 2>/dev/null; true; }
trap cleanup EXIT
if [ -n "$MEM" ]; then
  CG=/sys/fs/cgroup/forecourt-demo-$$
  if [ -f /sys/fs/cgroup/cgroup.controllers ] && mkdir "$CG" 2>/dev/null && echo "$MEM" > "$CG/memory.max" && echo $$ > "$CG/cgroup.procs"; then
    echo "memory limit $MEM (cgroup v2 $CG)" >&2
  else
    # no writable cgroup v2 (e.g. a sandbox on cgroup v1): tell the JVM the size a container limit would give it
    CG=""
    echo "no cgroup v2 here: emulating a $MEM container limit for the JVM with -XX:MaxRAM=$MEM" >&2
    echo "JAVA_TOOL_OPTIONS=-XX:MaxRAM=$MEM" >> "$WORK/run.env"
  fi
fi
ENV_ARGS=(); while IFS= read -r line; do ENV_ARGS+=("$line"); done < "$WORK/run.env"
# The image has no shell: env (host) sets exactly the image's environment, chroot (host) enters the
# root as the image's user and execs the entrypoint found on the image's PATH. cwd is / (chroot).
env -i "${ENV_ARGS[@]}" chroot --userspec="$USER_SPEC" "$R" "${CMD[@]}" 2>&1 &
CHILD=$!
trap 'kill $CHILD 2>/dev/null; wait $CHILD 2>/dev/null; exit 143' INT TERM
wait $CHILD
