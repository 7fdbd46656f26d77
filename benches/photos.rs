//! A round export with 200 photos of 12 megapixels (DESIGN §12): 10 departments,
//! 20 photos each, attached through the store (which caches their downscaled
//! copies, as `zicha attach` does), then the round written as html and docx
//! (`ops::export`: collect, previews, render, write); and what attaching one
//! such photo costs (`attach_one`). Peak memory of one export is
//! printed from the kernel's high-water mark, reset after the set-up
//! (`/proc/self/clear_refs`, Linux).

mod common;

use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};

use zicha::export::{Format, Overwrite, Selection};
use zicha::ops::export::{ExportRequest, export};
use zicha::store::{NewSession, Store};

const DEPARTMENTS: usize = 10;
const PHOTOS_EACH: usize = 20;
const ROUND: &str = "2026年11月自查";

/// A 4000 × 3000 JPEG (12 MP) of a gradient with some texture.
fn twelve_megapixels() -> Vec<u8> {
    let image = image::RgbImage::from_fn(4000, 3000, |x, y| {
        let grain = ((x * 7919 + y * 104_729) % 61) as u8;
        image::Rgb([(x / 16) as u8 ^ grain, (y / 12) as u8, ((x + y) / 28) as u8])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
        .encode_image(&image)
        .expect("encode");
    out
}

/// The same photo made distinct: a comment segment after SOI with a number.
fn variant(photo: &[u8], n: usize) -> Vec<u8> {
    let comment = format!("photo {n}");
    let mut out = photo[..2].to_vec();
    out.extend([0xFF, 0xFE]);
    out.extend(((comment.len() + 2) as u16).to_be_bytes());
    out.extend(comment.as_bytes());
    out.extend(&photo[2..]);
    out
}

fn fill(store: &Store, photos_dir: &std::path::Path) {
    let photo = twelve_megapixels();
    let items = ["2.2", "2.4", "2.5", "2.6", "3.2"];
    for d in 0..DEPARTMENTS {
        let request = NewSession {
            checklist: "wenming-danwei".into(),
            department: format!("科室{d:02}"),
            round: ROUND.into(),
            date: common::until(),
            inspector: "王敏".into(),
            scope: Default::default(),
        };
        let mut loaded = store.create(request, common::now()).expect("create");
        for p in 0..PHOTOS_EACH {
            let path = photos_dir.join(format!("IMG_{d:02}{p:02}.jpg"));
            std::fs::write(&path, variant(&photo, d * PHOTOS_EACH + p)).expect("write");
            let stored = store.store_attachment(&path, "宣传栏").expect("attach");
            let code = items[p % items.len()];
            zicha::ops::attach::add_to_session(
                &mut loaded.session,
                code,
                vec![stored.attachment],
                "王敏",
                common::now(),
            );
        }
        store.save(&mut loaded).expect("save");
    }
}

fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn request(format: Format, out: PathBuf) -> ExportRequest {
    ExportRequest {
        selection: Selection::Round(ROUND.into()),
        format,
        unit: None,
        target: Some(out),
        folders: zicha::export::Folders::Existing,
        default_dir: PathBuf::from("."),
        overwrite: Overwrite::Replace,
        unsaved: None,
        now: common::now(),
        departments: Vec::new(),
    }
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let photos = dir.path().join("photos");
    std::fs::create_dir_all(&photos).expect("photos dir");
    let store = Store::open(&dir.path().join("data")).expect("store");
    fill(&store, &photos);
    std::thread::sleep(zicha::store::index::SETTLE + std::time::Duration::from_millis(200));
    let mut group = c.benchmark_group("round_export_200_photos_12mp");
    group.sample_size(10);
    for format in [Format::Html, Format::Docx] {
        let out = dir.path().join(format!("round.{}", format.extension()));
        // One export alone first, for its memory high-water mark.
        let _ = std::fs::write("/proc/self/clear_refs", "5");
        export(
            &store,
            &request(format, out.clone()),
            &zicha::progress::Silent,
        )
        .expect("export");
        if let Some(peak) = peak_rss_mib() {
            let size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
            eprintln!(
                "{}: peak RSS of one export {peak:.0} MiB, file {:.1} MiB",
                format.extension(),
                size as f64 / 1048576.0
            );
        }
        group.bench_function(format.extension(), |b| {
            b.iter(|| {
                export(
                    &store,
                    &request(format, out.clone()),
                    &zicha::progress::Silent,
                )
                .expect("export")
            })
        });
    }
    // What a photo costs when it is attached: read, hash, store, EXIF time, and the
    // downscaled copy cached for exports. Each sample is a photo not stored before.
    let photo = twelve_megapixels();
    let mut next = DEPARTMENTS * PHOTOS_EACH;
    group.bench_function("attach_one", |b| {
        b.iter_batched(
            || {
                next += 1;
                let path = photos.join(format!("NEW_{next}.jpg"));
                std::fs::write(&path, variant(&photo, next)).expect("write");
                path
            },
            |path| store.store_attachment(&path, "").expect("attach"),
            criterion::BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(photos, benches);
criterion_main!(photos);
