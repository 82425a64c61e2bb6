#!/usr/bin/env bash
# Time to first frame in a real terminal (tmux), yuedu side by side with less on the same
# file: each program is started in its own pane and the pane is polled until the first
# paragraph of the text is on screen.
#
#   benches/first-frame.sh [FILE] [RUNS]
#
# Without FILE a 50 MB novel with 2,500 chapters is generated (benches/bigtext.rs).
# Times include starting the process and tmux's own redraw; the polling step is ~2 ms.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${2:-5}
work=$(mktemp -d)
sock="yuedu-first-frame-$$"
cleanup() { tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

cargo build --release --quiet --bin yuedu --example bigtext
out=${CARGO_TARGET_DIR:-target}/release
bin=$out/yuedu
file=${1:-}
if [[ -z "$file" ]]; then
    file="$work/novel-50mb.txt"
    "$out/examples/bigtext" "$file" 50 2500
fi
# A line of the first page that both programs show.
marker=${MARKER:-从布局国内首个大模型}

now_ms() { date +%s%3N; }

env_prefix="env HOME=$work XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state XDG_CONFIG_HOME=$work/config \
TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 LESSCHARSET=utf-8"
left=$(tmux -L "$sock" -f /dev/null new-session -d -P -F '#{pane_id}' -x 200 -y 40 "sleep 3600")
tmux -L "$sock" set-option -g remain-on-exit on
right=$(tmux -L "$sock" split-window -h -P -F '#{pane_id}' -t "$left" "sleep 3600")

# measure PANE COMMAND: milliseconds from start until the marker is on screen.
measure() {
    local pane=$1 cmd=$2 t0 t1
    tmux -L "$sock" respawn-pane -k -t "$pane" "clear; exec sleep 3600"
    sleep 0.5
    t0=$(now_ms)
    tmux -L "$sock" respawn-pane -k -t "$pane" "$env_prefix $cmd"
    while ! tmux -L "$sock" capture-pane -p -t "$pane" | grep -q "$marker"; do
        t1=$(now_ms)
        if (( t1 - t0 > 30000 )); then echo "timeout" >&2; return 1; fi
        sleep 0.002
    done
    t1=$(now_ms)
    echo $((t1 - t0))
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

size=$(stat -c %s "$file")
echo "file: $file ($((size / 1048576)) MB), $runs runs each, median ms to first frame"
y=(); l=()
for _ in $(seq "$runs"); do
    y+=("$(measure "$left" "$bin '$file'")")
    l+=("$(measure "$right" "less '$file'")")
done
printf 'yuedu: %s ms   (runs: %s)\n' "$(printf '%s\n' "${y[@]}" | median)" "${y[*]}"
printf 'less:  %s ms   (runs: %s)\n' "$(printf '%s\n' "${l[@]}" | median)" "${l[*]}"
