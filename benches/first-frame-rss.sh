# Sourced by the memory benches: `first_frame_rss BIN FILE MARKER` starts BIN FILE in tmux
# (120×40, a scratch home), polls until MARKER is on screen, and sets `ms` (time to the
# first frame, with process start and tmux's redraw; polling ~5 ms) and `kb` (the peak
# resident size, VmHWM). Needs `work` (a scratch directory) and `sock` (a tmux socket name).
first_frame_rss() {
  local bin=$1 file=$2 marker=$3 t0 t1 pid
  t0=$(date +%s%3N)
  tmux -L "$sock" -f /dev/null new-session -d -x 120 -y 40 \
    "env HOME=$work XDG_DATA_HOME=$work/d XDG_STATE_HOME=$work/s XDG_CONFIG_HOME=$work/c TERM=xterm-256color LANG=C.UTF-8 $bin $file; sleep 60"
  until tmux -L "$sock" capture-pane -p | grep -q "$marker"; do sleep 0.005; done
  t1=$(date +%s%3N)
  pid=$(pgrep -n -f "$bin $file")
  kb=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
  tmux -L "$sock" kill-server
  ms=$((t1 - t0))
}
