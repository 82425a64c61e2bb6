#!/usr/bin/env bash
# Peak memory (VmHWM) and time to first frame of the reader on a single-line text: a whole
# novel on one line is the worst case for wrapping (one block of SIZE megabytes).
#
#   benches/single-line-memory.sh [MB...]      (default: 10 100)
#
# The file is the bundled article repeated without line breaks. The reader runs in tmux at
# 120×40; the script polls until the first row of text is on screen, then reads the peak
# resident size from /proc/PID/status. Reported: file size, peak RSS, peak RSS beyond the
# file size (the text itself is kept in memory once), and the time to the first frame
# (includes process start and tmux's redraw; polling step ~5 ms).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10 100)
work=$(mktemp -d)
sock="yuedu-mem-$$"
cleanup() { tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
. benches/first-frame-rss.sh
cargo build --release --quiet --bin yuedu
bin=$(realpath "${CARGO_TARGET_DIR:-target}/release/yuedu")
printf '%-8s %-12s %-14s %-14s %s\n' size file_MB peak_RSS_MB beyond_text_MB first_frame_ms
for mb in "${sizes[@]}"; do
  file="$work/line-$mb.txt"
  python3 - "$file" "$mb" <<'PY'
import sys
src = open("article/shanghai.txt", encoding="utf-8").read().replace("\n", "")
want = int(sys.argv[2]) << 20
with open(sys.argv[1], "w", encoding="utf-8") as f:
    n = 0
    while n < want:
        f.write(src); n += len(src.encode())
    f.write("\n")
PY
  bytes=$(stat -c %s "$file")
  first_frame_rss "$bin" "$file" "上海"
  awk -v mb="$mb" -v b="$bytes" -v h="$kb" -v t="$ms" 'BEGIN {
    printf "%-8s %-12.1f %-14.1f %-14.1f %d\n", mb "MB", b/1048576, h/1024, h/1024 - b/1048576, t }'
done
