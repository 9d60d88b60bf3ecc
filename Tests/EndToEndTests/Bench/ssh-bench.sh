#!/usr/bin/env bash
# ssh-bench.sh: what crosses the wire when medterm, less and w3m show the same page over a
# real SSH connection. Not a test: a measurement to re-run after a change to painting.
#
# Usage (from anywhere; it works in the package root):
#   Tests/EndToEndTests/Bench/ssh-bench.sh [--runs N] [--cols C] [--rows R] [--no-build]
#                                          [--keep DIR]
#     --runs N     runs of each program; the table shows medians (default 3)
#     --cols/rows  terminal size (default 100x30)
#     --no-build   use .build/release/medterm as it is
#     --keep DIR   keep each run's ptybench JSON in DIR
#   Environment: PTYBENCH (default ../shared/tools/ptybench.py from the package root).
#
# Needs: sshd (openssh-server), ssh, ssh-keygen, less, w3m, python3, ss (iproute2), and a
# user sshd can log in as (root, as in CI, or yourself). Nothing of /etc/ssh or ~/.ssh is
# used: a private sshd on 127.0.0.1 and a free port, with throwaway keys in a temporary
# directory (the same configuration as Support/SSHServer.swift), stopped on exit.
#
# What it does: builds the release medterm, dumps the built-in page as text
# (`medterm --dump text --width 96`) for less and w3m, then for each program runs
#   ptybench.py --tcp-port PORT -- ssh -tt -p PORT user@127.0.0.1 'exec PROGRAM'
# with TERM=xterm-256color, LANG=C.UTF-8 (sent with SendEnv, COLORTERM is not), and the
# steps below. ptybench reads the client socket's counters from `ss -tin` before and after
# each step: "down" is server to client (the screen), "up" is client to server (the keys);
# segments include pure ACKs. "pty" is what the program wrote, as the client received it.
#
#   step     medterm   less                      w3m
#   startup  -         -                         -          (includes the SSH handshake)
#   line     j         j                         J          (w3m's j moves the cursor only)
#   page     space     space                     space
#   section  ]         /^Start Here<Enter>       /^Start Here<Enter>
#
# less and w3m have no sections: the search goes to the heading medterm's ] lands on, sent
# as one write. The "ssh only" row is a session running `sleep`: the handshake and session
# set-up that every startup includes.
set -euo pipefail

root="$(cd "$(dirname "$0")/../../.." && pwd)"
ptybench="${PTYBENCH:-$root/../shared/tools/ptybench.py}"
runs=3 cols=100 rows=30 build=1 keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --cols) cols="$2"; shift 2 ;;
    --rows) rows="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --keep) keep="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "ssh-bench: unknown option $1" >&2; exit 2 ;;
  esac
done

sshd=""
for candidate in /usr/sbin/sshd /usr/local/sbin/sshd; do
  if [ -x "$candidate" ]; then sshd="$candidate"; break; fi
done
missing=""
[ -n "$sshd" ] || missing="$missing sshd"
for tool in ssh ssh-keygen less w3m python3 ss; do
  command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
[ -f "$ptybench" ] || missing="$missing ptybench.py($ptybench)"
if [ -n "$missing" ]; then
  echo "ssh-bench: missing:$missing" >&2
  exit 1
fi

cd "$root"
if [ "$build" = 1 ]; then
  swift build -c release --product medterm >&2
fi
medterm="$root/.build/release/medterm"

work="$(mktemp -d /tmp/medterm-ssh-bench.XXXXXX)"
sshd_pid=""
cleanup() {
  # Sessions first: once the listener is gone, they are orphans nobody finds again.
  if [ -n "$sshd_pid" ]; then
    pkill -TERM -P "$sshd_pid" 2>/dev/null || true
    kill "$sshd_pid" 2>/dev/null || true
    wait "$sshd_pid" 2>/dev/null || true
  fi
  if [ -n "$keep" ]; then mkdir -p "$keep" && cp "$work"/*.json "$keep"/ 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$medterm" --dump text --width 96 >"$work/seed.txt"
ssh-keygen -q -t ed25519 -N "" -f "$work/host_key"
ssh-keygen -q -t ed25519 -N "" -f "$work/user_key"
cp "$work/user_key.pub" "$work/authorized_keys"
if [ "$(id -u)" = 0 ]; then mkdir -p /run/sshd; fi
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
cat >"$work/sshd_config" <<EOF
ListenAddress 127.0.0.1
Port $port
HostKey $work/host_key
AuthorizedKeysFile $work/authorized_keys
PidFile $work/sshd.pid
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PermitRootLogin prohibit-password
AcceptEnv LANG LC_* TERM COLORTERM NO_COLOR
PrintMotd no
PrintLastLog no
UseDNS no
X11Forwarding no
AllowAgentForwarding no
AllowTcpForwarding no
EOF
"$sshd" -D -e -f "$work/sshd_config" 2>"$work/sshd.log" &
sshd_pid=$!
for _ in $(seq 100); do
  if [ "$(cat "$work/sshd.pid" 2>/dev/null)" = "$sshd_pid" ]; then break; fi
  if ! kill -0 "$sshd_pid" 2>/dev/null; then cat "$work/sshd.log" >&2; exit 1; fi
  sleep 0.05
done

user="$(id -un)"
ssh_options=(-F /dev/null -i "$work/user_key" -o StrictHostKeyChecking=no
  -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o BatchMode=yes -o IdentitiesOnly=yes
  -o "SendEnv=LANG LC_*" -p "$port")
search_start_here="hex:$(printf '/^Start Here\r' | od -An -tx1 | tr -d ' \n')"

# measure NAME KEYS QUIT REMOTE-COMMAND: one ptybench run per --runs, JSON in $work.
measure() {
  local name="$1" keys="$2" quit="$3" remote="$4"
  for run in $(seq "$runs"); do
    python3 "$ptybench" --rows "$rows" --cols "$cols" --term xterm-256color --lang C.UTF-8 \
      --tcp-port "$port" --json --keys "$keys" --quit "$quit" \
      -- ssh -tt "${ssh_options[@]}" "$user@127.0.0.1" "$remote" >"$work/$name.$run.json"
  done
}

measure "ssh only" "" "ctrl-c" "exec sleep 30"
measure "medterm" "j,space,]" "q" "exec '$medterm'"
measure "less" "j,space,$search_start_here" "q" "exec less '$work/seed.txt'"
measure "w3m" "J,space,$search_start_here" "q" "exec w3m -T text/plain '$work/seed.txt'"

python3 - "$work" "$runs" "$cols" "$rows" <<'EOF'
import json, statistics, sys
work, runs, cols, rows = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
names = ["ssh only", "medterm", "less", "w3m"]
labels = ["startup", "line", "page", "section"]
print(f"{cols}x{rows}, TERM=xterm-256color, LANG=C.UTF-8, no COLORTERM; median of {runs} runs")
print()
print("| program | step | key | pty bytes | down bytes | down segs | up bytes | up segs |")
print("|---|---|---|---:|---:|---:|---:|---:|")
for name in names:
    data = [json.load(open(f"{work}/{name}.{n}.json")) for n in range(1, runs + 1)]
    for index, label in enumerate(labels):
        steps = [d["steps"][index] for d in data if len(d["steps"]) > index]
        if not steps:
            continue
        def median(key):
            return f"{statistics.median(s.get(key, 0) for s in steps):g}"
        key = "" if index == 0 else steps[0]["step"]
        if key.startswith("hex:"):
            key = "/^Start Here⏎"
        print(f"| {name} | {label} | {key} | {median('bytes')} | {median('tcp_bytes_received')}"
              f" | {median('tcp_segs_in')} | {median('tcp_bytes_sent')} | {median('tcp_segs_out')} |")
EOF
