//! Simplified / traditional display: converting the whole of the generated 50 MB novel
//! (`examples/bigtext`'s text), block by block as the reader converts what it shows, into
//! traditional (Taiwan standard) and into simplified, with the map back to the source; and
//! the first conversion's one-time cost (building the dictionaries' automata).
//!
//! `cargo bench --bench script`; `YUEDU_BENCH_MB=100` changes the size of the novel.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use yuedu::text::script::{Script, Standard, convert};

#[path = "../tests/fixtures/bigtext.rs"]
mod bigtext;

fn size_mb() -> usize {
    std::env::var("YUEDU_BENCH_MB").ok().and_then(|s| s.parse().ok()).unwrap_or(50)
}

fn bench(c: &mut Criterion) {
    for script in [Script::Traditional(Standard::Tw), Script::Simplified] {
        let start = Instant::now();
        black_box(convert("发展", script));
        eprintln!("{script:?}: first conversion (builds the automata) {:?}", start.elapsed());
    }
    let text = bigtext::novel(size_mb() << 20, 2_500);
    let blocks: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    let mut group = c.benchmark_group("script");
    group.sampling_mode(SamplingMode::Flat).sample_size(10).measurement_time(Duration::from_secs(20));
    group.throughput(Throughput::Bytes(text.len() as u64));
    for (name, script) in [
        ("novel_to_traditional_tw", Script::Traditional(Standard::Tw)),
        ("novel_to_simplified", Script::Simplified),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| blocks.iter().map(|p| convert(p, script).text.len()).sum::<usize>())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
