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
#   benches/first-frame.sh [RUNS] [MB...]      (default: 5 runs; 1 50 200 MB; 0.1 is a size
#                                              just under what the reader reads whole, 128 KB)
#
# The pane is polled through one tmux control-mode client (`tmux -C`): every poll is a
# `capture-pane` sent down its pipe, about 1 ms apart, and times are taken with bash's
# $EPOCHREALTIME, so no process is started per poll (starting a tmux client and grep every
# few ms cost as much as what is measured, on the same two cores, and moved the medians by
# several ms from run to run). The client asks for no output notifications: tmux 3.3 has
# crashed while streaming a pane's output to a control client. Times include starting the
# process and tmux's own redraw. Medians of RUNS; the ratios are yuedu's median over less's.
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

env_prefix="env HOME=$work XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state XDG_CONFIG_HOME=$work/config \
TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 LESSCHARSET=utf-8"
tmux -L "$sock" -f /dev/null new-session -d -s bench -x 120 -y 40 "sleep 3600"
tmux -L "$sock" set-option -g window-size manual
tmux -L "$sock" set-option -g remain-on-exit on
pane=$(tmux -L "$sock" display -p -t bench '#{pane_id}')

# One control-mode client for every command and poll.
coproc TM { exec tmux -L "$sock" -C attach -t bench; }
exec {nap}<> <(:) # a descriptor nothing is written to: `read -t` on it sleeps without a process

# tm COMMAND: send one tmux command and wait for its reply; the reply's lines in TM_OUT.
tm() {
    local line inside=0
    printf '%s\n' "$1" >&"${TM[1]}"
    TM_OUT=""
    while IFS= read -r line <&"${TM[0]}"; do
        if (( inside )); then
            case $line in
                "%end "*) return 0 ;;
                "%error "*) echo "tmux: $1: $TM_OUT" >&2; return 1 ;;
            esac
            TM_OUT+=$line$'\n'
        else
            case $line in
                "%begin "*) inside=1 ;;
                "%exit"*) echo "tmux control client ended: $line" >&2; return 1 ;;
            esac
        fi
    done
    echo "tmux control client closed" >&2
    return 1
}
# (Under load the client may not be attached yet when the first command arrives.)
for _ in $(seq 100); do tm "refresh-client -f no-output" 2>/dev/null && break; sleep 0.02; done


# wait_for PANE MARKER T0_US: sets WAITED to the tenths of a ms from T0_US until MARKER is on screen.
wait_for() {
    local t
    while :; do
        tm "capture-pane -p -t $1"
        t=${EPOCHREALTIME/./}
        if [[ $TM_OUT == *"$2"* ]]; then WAITED=$(( (t - $3) / 100 )); return 0; fi
        if (( t - $3 > 60000000 )); then echo "timeout waiting for $2" >&2; printf '%s' "$TM_OUT" >&2; return 1; fi
        read -r -t 0.001 -u "$nap" || true
    done
}

wait_gone() { # PANE MARKER: until MARKER is no longer on screen (at most 60 s)
    local t0
    t0=${EPOCHREALTIME/./}
    while tm "capture-pane -p -t $1" && [[ $TM_OUT == *"$2"* ]]; do
        if (( ${EPOCHREALTIME/./} - t0 > 60000000 )); then echo "timeout waiting for $2 to go" >&2; return 1; fi
        read -r -t 0.01 -u "$nap" || true
    done
}

# The program's process in the pane (tmux starts it through a shell that may not exec it).
pid_of() { # PANE NAME
    local p
    p=$(tmux -L "$sock" display -p -t "$1" '#{pane_pid}')
    if [[ "$(cat /proc/"$p"/comm 2>/dev/null)" == "$2" ]]; then echo "$p"; return; fi
    pgrep -P "$p" -x "$2" | head -1
}

# measure NAME COMMAND: sets MEASURED to "first g peak_rss_kb" (times in tenths of a ms).
# (Not run in a subshell: the control client's descriptors are the parent shell's.)
measure() {
    local name=$1 cmd=$2 t0 first g pid rss
    # Every run a first reading: no saved place to resume at.
    rm -rf "$work/state" "$work/data"
    tm "respawn-pane -k -t $pane 'clear; exec sleep 3600'"
    sleep 0.5
    t0=${EPOCHREALTIME/./}
    tm "respawn-pane -k -t $pane \"$env_prefix $cmd\""
    wait_for "$pane" "$first_marker" "$t0"; first=$WAITED
    t0=${EPOCHREALTIME/./}
    tm "send-keys -t $pane G"
    wait_for "$pane" "$end_marker" "$t0"; g=$WAITED
    wait_gone "$pane" indexing
    pid=$(pid_of "$pane" "$name")
    rss=$(awk '/VmHWM/ {print $2}' /proc/"$pid"/status)
    tm "send-keys -t $pane q"
    # Until it has quit: it saves its place on the way out, in the directory removed next.
    while tm "display -p -t $pane '#{pane_dead}'" && [[ $TM_OUT != 1* ]]; do
        read -r -t 0.01 -u "$nap" || true
    done
    MEASURED="$first $g $rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ms() { awk -v t="$1" 'BEGIN { printf "%.1f", t / 10 }'; } # tenths of a ms as ms
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

echo "$runs runs each, medians; times in ms from start (first frame) and from the key (G); RSS in MB"
printf '| size | less first | yuedu first | ratio | less G | yuedu G | ratio | yuedu peak RSS | RSS / file |\n'
printf '|---|---|---|---|---|---|---|---|---|\n'
for mb in "${sizes[@]}"; do
    file="$work/novel-${mb}mb.txt"
    "$out/examples/bigtext" "$file" "$mb" "$(awk -v mb="$mb" 'BEGIN { c = int(mb * 50); print (c > 10 ? c : 10) }')" >/dev/null
    size=$(stat -c %s "$file")
    yf=(); yg=(); yr=(); lf=(); lg=()
    for _ in $(seq "$runs"); do
        measure yuedu "$bin '$file'"; read -r f g r <<<"$MEASURED"
        yf+=("$f"); yg+=("$g"); yr+=("$r")
        measure less "less '$file'"; read -r f g _ <<<"$MEASURED"
        lf+=("$f"); lg+=("$g")
    done
    YF=$(printf '%s\n' "${yf[@]}" | median); YG=$(printf '%s\n' "${yg[@]}" | median)
    LF=$(printf '%s\n' "${lf[@]}" | median); LG=$(printf '%s\n' "${lg[@]}" | median)
    YR=$(printf '%s\n' "${yr[@]}" | median)
    printf '| %s MB | %s | %s | %s× | %s | %s | %s× | %s | %s× |\n' "$mb" "$(ms "$LF")" "$(ms "$YF")" "$(ratio "$YF" "$LF")" \
        "$(ms "$LG")" "$(ms "$YG")" "$(ratio "$YG" "$LG")" "$(( YR / 1024 ))" "$(ratio "$(( YR * 1024 ))" "$size")"
    rm -f "$file"
done
