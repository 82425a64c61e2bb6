//! Figure scanning speed: every figure of a generated novel (≥ 50 MB, the same text as the
//! `open` bench) and of the bundled article, reported in MB/s (target ≥ 200 MB/s).
//!
//! `cargo bench --bench figures`; `YUEDU_BENCH_MB=200` changes the size of the novel.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use yuedu::document::figures::{find_all, find_figures};
use yuedu::document::{Document, load};

#[path = "../tests/fixtures/bigtext.rs"]
mod bigtext;

fn size_mb() -> usize {
    std::env::var("YUEDU_BENCH_MB").ok().and_then(|s| s.parse().ok()).unwrap_or(50)
}

fn bench(c: &mut Criterion) {
    let text = bigtext::novel(size_mb() << 20, 2_500);
    let decoded = load::decode(text.as_bytes(), None).expect("the novel is UTF-8");
    let doc = Document::new("novel.txt", decoded);
    let bytes = doc.text.len() as u64;

    let mut g = c.benchmark_group("figures");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function(format!("scan {} MB novel", bytes >> 20), |b| {
        b.iter(|| {
            let mut n = 0usize;
            for block in &doc.blocks {
                n += find_figures(black_box(&doc.text[block.start..block.end]), block.start).len();
            }
            n
        })
    });
    g.finish();

    let article = Document::bundled();
    let mut g = c.benchmark_group("figures");
    g.throughput(Throughput::Bytes(article.text.len() as u64));
    g.bench_function("bundled article", |b| b.iter(|| find_all(black_box(&article)).len()));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
