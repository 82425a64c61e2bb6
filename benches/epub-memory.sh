#!/usr/bin/env bash
# Peak memory (VmHWM) and time to first frame of the reader on a generated EPUB book: the
# novel of benches/bigtext.rs written as an EPUB 3, a chapter a file (`bigtext --epub`).
#
#   benches/epub-memory.sh [MB...]      (default: 5)
#
# The reader runs in tmux at 120×40; the script polls until the first chapter's heading is
# on screen, then reads the peak resident size from /proc/PID/status. Reported: the EPUB's
# size, the size of its text (uncompressed), the peak RSS and its ratio to the text, and
# the time to the first frame (includes process start and tmux's redraw; polling ~5 ms).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(5)
work=$(mktemp -d)
sock="yuedu-epub-mem-$$"
cleanup() { tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
. benches/first-frame-rss.sh
cargo build --release --quiet --bin yuedu --example bigtext
out=$(realpath "${CARGO_TARGET_DIR:-target}/release")
bin=$out/yuedu
printf '%-6s %-10s %-10s %-12s %-14s %s\n' size epub_MB text_MB peak_RSS_MB RSS_per_text first_frame_ms
for mb in "${sizes[@]}"; do
  file="$work/novel-$mb.epub"
  text=$("$out/examples/bigtext" "$file" "$mb" 250 --epub 2>&1 | sed -n 's/.*text \([0-9]*\) bytes.*/\1/p')
  bytes=$(stat -c %s "$file")
  first_frame_rss "$bin" "$file" "从布局国内首个大模型"
  awk -v mb="$mb" -v b="$bytes" -v x="$text" -v h="$kb" -v t="$ms" 'BEGIN {
    printf "%-6s %-10.2f %-10.2f %-12.1f %-14.2f %d\n", mb "MB", b/1048576, x/1048576, h/1024, h*1024/x, t }'
done
