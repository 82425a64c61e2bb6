//! Finding quotations (pairs, kinds, speakers) in the bundled article and in a generated
//! novel (50 MB by default), and the bookmark file's save under its lock.
//!
//! `cargo bench --bench quotes`; `YUEDU_BENCH_MB=200` changes the size of the novel.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use yuedu::document::quotes::find_quotes;
use yuedu::document::{Document, split_blocks};
use yuedu::store::bookmarks::{Bookmark, Store, new_id, now_rfc3339};

#[path = "../tests/fixtures/bigtext.rs"]
mod bigtext;

fn size_mb() -> usize {
    std::env::var("YUEDU_BENCH_MB").ok().and_then(|s| s.parse().ok()).unwrap_or(50)
}

fn bench(c: &mut Criterion) {
    let doc = Document::bundled();
    let paras: Vec<_> = doc.blocks.iter().map(|b| b.range()).collect();
    c.bench_function("quotes_article", |b| b.iter(|| find_quotes(black_box(&doc.text), &paras)));

    let mb = size_mb();
    let text = bigtext::novel(mb << 20, 2_500);
    let paras: Vec<_> = split_blocks(&text).iter().map(|b| b.range()).collect();
    eprintln!("novel: {} bytes, {} quotes", text.len(), find_quotes(&text, &paras).len());
    let mut g = c.benchmark_group(format!("quotes_{mb}mb"));
    g.sample_size(10).measurement_time(Duration::from_secs(10)).warm_up_time(Duration::from_secs(1));
    g.bench_function("find_quotes", |b| b.iter(|| find_quotes(black_box(&text), &paras)));
    g.finish();

    // One save (lock, re-read, write, fsync, rename) with 1,000 bookmarks in the file.
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path().join("bookmarks.toml"));
    let mark = |i: usize| Bookmark {
        id: new_id(),
        article: doc.id(),
        title: doc.title().to_string(),
        section: "青年驱动,未来产业跑出“加速度”".into(),
        quote: format!("第{i}条:算力的支持直接决定了模型训练的成本和效率"),
        speaker: Some("丁成".into()),
        speaker_title: None,
        note: String::new(),
        line: 10,
        start: 0,
        end: 0,
        created: now_rfc3339(),
        path: None,
        kind: None,
        extra: toml::Table::new(),
    };
    for i in 0..1_000 {
        store.add(mark(i)).expect("add");
    }
    let mut g = c.benchmark_group("bookmarks_1000");
    g.sample_size(20);
    g.bench_function("add_then_remove", |b| {
        b.iter(|| {
            let m = mark(0);
            let id = m.id.clone();
            store.add(m).expect("add");
            store.remove(&id).expect("remove");
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
