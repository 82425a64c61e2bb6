#!/usr/bin/env bash
# Time to first frame, time to the end (`G`) and peak memory in a real terminal (tmux),
# yuedu side by side with less on the same generated novels (benches/bigtext.rs) of 1, 50
# and 200 MB, in one run. Each program is started in its own pane and the pane is polled
# until the first paragraph of the text is on screen (first frame); then `G` is sent and the
# pane is polled until the last line of the text is on screen (G). Peak RSS is the
# process's VmHWM once indexing has ended (the pane polled until the status line no longer
# shows `indexing`): `G` may show the text's end before the whole text is read, and the
# column is the peak of reading the whole text.
#
#   benches/first-frame.sh [RUNS] [MB...]      (default: 5 runs; 1 50 200 MB)
#
# Times include starting the process and tmux's own redraw; the polling step is ~2 ms.
# Medians of RUNS; the ratios are yuedu's median over less's.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-5}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 50 200)
work=$(mktemp -d)
sock="yuedu-first-frame-$$"
cleanup() { tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

cargo build --release --quiet --bin yuedu --example bigtext
out=${CARGO_TARGET_DIR:-target}/release
bin=$(realpath "$out/yuedu")
# A line of the first page, and the last line of the text.
first_marker=从布局国内首个大模型
end_marker=全书完

now_ms() { date +%s%3N; }

env_prefix="env HOME=$work XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state XDG_CONFIG_HOME=$work/config \
TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 LESSCHARSET=utf-8"
pane=$(tmux -L "$sock" -f /dev/null new-session -d -P -F '#{pane_id}' -x 120 -y 40 "sleep 3600")
tmux -L "$sock" set-option -g remain-on-exit on

wait_for() { # PANE MARKER T0: ms from T0 until MARKER is on screen
    local t1
    while ! tmux -L "$sock" capture-pane -p -t "$1" | grep -q "$2"; do
        t1=$(now_ms)
        if (( t1 - $3 > 60000 )); then echo "timeout waiting for $2" >&2; tmux -L "$sock" capture-pane -p -t "$1" >&2; return 1; fi
        sleep 0.002
    done
    echo $(( $(now_ms) - $3 ))
}

wait_gone() { # PANE MARKER: until MARKER is no longer on screen (at most 60 s)
    local t0
    t0=$(now_ms)
    while tmux -L "$sock" capture-pane -p -t "$1" | grep -q "$2"; do
        if (( $(now_ms) - t0 > 60000 )); then echo "timeout waiting for $2 to go" >&2; return 1; fi
        sleep 0.01
    done
}

# The program's process in the pane (tmux starts it through a shell that may not exec it).
pid_of() { # PANE NAME
    local p
    p=$(tmux -L "$sock" display -p -t "$1" '#{pane_pid}')
    if [[ "$(cat /proc/"$p"/comm 2>/dev/null)" == "$2" ]]; then echo "$p"; return; fi
    pgrep -P "$p" -x "$2" | head -1
}

# measure NAME COMMAND: prints "first_ms g_ms peak_rss_kb".
measure() {
    local name=$1 cmd=$2 t0 first g pid rss
    # Every run a first reading: no saved place to resume at.
    rm -rf "$work/state" "$work/data"
    tmux -L "$sock" respawn-pane -k -t "$pane" "clear; exec sleep 3600"
    sleep 0.5
    t0=$(now_ms)
    tmux -L "$sock" respawn-pane -k -t "$pane" "$env_prefix $cmd"
    first=$(wait_for "$pane" "$first_marker" "$t0")
    t0=$(now_ms)
    tmux -L "$sock" send-keys -t "$pane" G
    g=$(wait_for "$pane" "$end_marker" "$t0")
    wait_gone "$pane" indexing
    pid=$(pid_of "$pane" "$name")
    rss=$(awk '/VmHWM/ {print $2}' /proc/"$pid"/status)
    tmux -L "$sock" send-keys -t "$pane" q
    echo "$first $g $rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

echo "$runs runs each, medians; times in ms from start (first frame) and from the key (G); RSS in MB"
printf '| size | less first | yuedu first | ratio | less G | yuedu G | ratio | yuedu peak RSS | RSS / file |\n'
printf '|---|---|---|---|---|---|---|---|---|\n'
for mb in "${sizes[@]}"; do
    file="$work/novel-${mb}mb.txt"
    "$out/examples/bigtext" "$file" "$mb" $(( mb * 50 > 10 ? mb * 50 : 10 )) >/dev/null
    size=$(stat -c %s "$file")
    yf=(); yg=(); yr=(); lf=(); lg=()
    for _ in $(seq "$runs"); do
        read -r f g r < <(measure yuedu "$bin '$file'")
        yf+=("$f"); yg+=("$g"); yr+=("$r")
        read -r f g _ < <(measure less "less '$file'")
        lf+=("$f"); lg+=("$g")
    done
    YF=$(printf '%s\n' "${yf[@]}" | median); YG=$(printf '%s\n' "${yg[@]}" | median)
    LF=$(printf '%s\n' "${lf[@]}" | median); LG=$(printf '%s\n' "${lg[@]}" | median)
    YR=$(printf '%s\n' "${yr[@]}" | median)
    printf '| %s MB | %s | %s | %s× | %s | %s | %s× | %s | %s× |\n' "$mb" "$LF" "$YF" "$(ratio "$YF" "$LF")" \
        "$LG" "$YG" "$(ratio "$YG" "$LG")" "$(( YR / 1024 ))" "$(ratio "$(( YR * 1024 ))" "$size")"
    rm -f "$file"
done
