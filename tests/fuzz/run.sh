#!/usr/bin/env bash
# Seeds the corpora from the bundled article and config, then runs each fuzz target for
# SECONDS (default 600) one after another, at the lowest priority. Usage:
#   bash tests/fuzz/run.sh [SECONDS] [TARGET...]
# Needs cargo-fuzz (`cargo install cargo-fuzz`); RUSTC_BOOTSTRAP=1 lets the stable
# toolchain accept the nightly flags cargo-fuzz passes; `-s none`: no sanitizer (safe Rust,
# and ASan needs a nightly standard library). Logs go to tests/fuzz/logs/, crashing inputs
# to tests/fuzz/artifacts/TARGET/.
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(load outline linebreak figures quotes config bookmarks draw outputs)
article=../../article/shanghai.txt

seed() { mkdir -p "corpus/$1"; }
for t in load outline quotes figures linebreak config bookmarks draw outputs; do seed "$t"; done
cp "$article" corpus/load/article
iconv -f UTF-8 -t GB18030 "$article" > corpus/load/article-gb18030 2>/dev/null || true
{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$article"; } > corpus/load/article-utf16le 2>/dev/null || true
cp "$article" corpus/outline/article
cp "$article" corpus/quotes/article
printf '一、总体要求\n（一）主要任务\n# 标题\n## 小节\n1. 第一\n第一章 开端\n' > corpus/outline/headings
n=0
while IFS= read -r line; do
  [ -n "$line" ] || continue
  n=$((n + 1))
  printf '%s' "$line" > "corpus/figures/p$n"
  # Width, indent, option bits, then the paragraph.
  { printf "\\x$(printf %02x $((n % 60 + 4)))\\x04\\x$(printf %02x $((n % 8)))"; printf '%s' "$line"; } \
    > "corpus/linebreak/p$n"
done < "$article"
cp ../../config.toml corpus/config/default
# Sizes, then text with escape sequences, tabs and bidi controls.
printf '\x50\x18\x20\x30\x02jk标题\n\n姓名\t年龄\x1b]52;c;eA==\x07正文\x1b[31m红\x0e字\xe2\x80\xae反\n' > corpus/draw/controls
printf '\x28标题\n\n他说：“\x1b]2;t\x07好\t的”。\xc2\x9b31m 12%%\x7f\n' > corpus/outputs/controls
cat > corpus/bookmarks/sample <<'TOML'
version = 2

[[bookmark]]
id = "18a-1-0"
article = "0123456789abcdef"
title = "上海从“建框架”向“强功能”跃升"
section = "创新策源"
quote = "这里不仅汇聚了整条产业链的上下游企业"
speaker = "陈海慈"
note = "产业链"
line = 9
start = 1200
end = 1290
created = "2026-11-26T10:00:00+08:00"
color = "red"
tags = ["a", "b"]
when = 1979-05-27T07:32:00Z
[bookmark.extra]
x = 1.5
TOML

mkdir -p logs artifacts
# Build every target once (against the tree as it is now), then run the binaries, so that
# edits made while the fuzzers run do not trigger rebuilds in between.
RUSTC_BOOTSTRAP=1 nice -n 19 cargo fuzz build --fuzz-dir . -s none
bin=target/$(rustc -vV | sed -n 's/^host: //p')/release
for t in "${targets[@]}"; do
  echo "== $t ($secs s)"
  mkdir -p "artifacts/$t"
  nice -n 19 "$bin/$t" -artifact_prefix="artifacts/$t/" -max_total_time="$secs" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 "corpus/$t" > "logs/$t.log" 2>&1 \
    || echo "$t: stopped with a finding, see logs/$t.log and artifacts/$t/"
  grep -E '^stat::number_of_executed_units|^#[0-9]+ +DONE' "logs/$t.log" || true
done
