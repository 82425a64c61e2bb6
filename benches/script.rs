//! Simplified / traditional display: converting the whole of the generated 50 MB novel
//! (`examples/bigtext`'s text), block by block as the reader converts what it shows, into
//! traditional (Taiwan standard) and into simplified, with the map back to the source; and
//! the first conversion's one-time cost (building the dictionaries' tables). Before
//! criterion's wall-clock runs it prints the CPU time of one whole conversion per script
//! (the process's user + system time, `getrusage`), the figure that holds when other builds
//! share the machine.
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

/// User + system CPU time of this process so far.
fn cpu_time() -> Duration {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage writes a `rusage` through a valid pointer to one we own (zeroed, so
    // initialised whatever happens); it cannot fail for RUSAGE_SELF.
    let usage = unsafe {
        libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr());
        usage.assume_init()
    };
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    tv(usage.ru_utime) + tv(usage.ru_stime)
}

fn bench(c: &mut Criterion) {
    for script in [Script::Traditional(Standard::Tw), Script::Simplified] {
        let start = Instant::now();
        black_box(convert("发展", script));
        eprintln!(
            "{script:?}: first conversion (loads the dictionaries, builds the tables) {:?}",
            start.elapsed()
        );
    }
    let text = bigtext::novel(size_mb() << 20, 2_500);
    let blocks: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    for script in [Script::Traditional(Standard::Tw), Script::Simplified] {
        let before = cpu_time();
        let n: usize = blocks.iter().map(|p| convert(p, script).text.len()).sum();
        let cpu = cpu_time() - before;
        let mb = text.len() as f64 / f64::from(1 << 20);
        eprintln!(
            "{script:?}: the whole novel ({mb:.1} MiB, {n} bytes shown) in {:.3} s of CPU time: {:.1} MiB/s",
            cpu.as_secs_f64(),
            mb / cpu.as_secs_f64()
        );
    }
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
