//! What a bundle carries of the 台账 (docs/design.md §14): the unit profile and every
//! activity as it is on disk, with the stored attachments the activities refer to
//! (DESIGN §12). An activity whose attachment is missing here is left out, with why,
//! as a session is: an import would refuse it.

use std::collections::BTreeSet;

use super::Store;
use super::activities::decode_activity;
use super::limits::{MAX_ENTRIES, MAX_IMPORT_BYTES};
use super::safe_fs::{self, MAX_SMALL_BYTES};
use super::unit_file::UNIT_FILE;

/// The 台账's part of a bundle.
#[derive(Debug, Clone, Default)]
pub(super) struct BundleRecords {
    /// `unit.ron` and `activities/<uuid>.ron`, with their bytes.
    pub entries: Vec<(String, Vec<u8>)>,
    /// Stored names and sizes of the activities' attachments, each once, sorted.
    pub attachments: Vec<(String, u64)>,
    /// Activities left out, with why.
    pub skipped: Vec<String>,
}

impl BundleRecords {
    /// Keeps the records if they and the files they add fit in a bundle already
    /// holding `bytes` in `entries` entries, with the stored files `attachments`
    /// (those they add join it); else leaves them all out and says `false`.
    pub fn fit_into(
        &mut self,
        (bytes, entries): (u64, usize),
        attachments: &mut BTreeSet<String>,
    ) -> bool {
        let new: Vec<&(String, u64)> = (self.attachments.iter())
            .filter(|(name, _)| !attachments.contains(name))
            .collect();
        let size = self
            .entries
            .iter()
            .map(|(_, b)| b.len() as u64)
            .sum::<u64>()
            + new.iter().map(|(_, size)| size).sum::<u64>();
        if bytes + size > MAX_IMPORT_BYTES || entries + self.entries.len() + new.len() > MAX_ENTRIES
        {
            *self = BundleRecords::default();
            return false;
        }
        attachments.extend(self.attachments.iter().map(|(name, _)| name.clone()));
        true
    }
}

/// The unit profile and every activity that reads as the one its name says, as
/// they are on disk, with their attachments.
pub(super) fn records_for_bundle(store: &Store) -> BundleRecords {
    let mut records = BundleRecords::default();
    if let Ok(bytes) = safe_fs::read_capped_nofollow(&store.unit_path(), MAX_SMALL_BYTES) {
        records.entries.push((UNIT_FILE.to_string(), bytes));
    }
    let mut attachments = BTreeSet::new();
    for id in store.activity_ids().unwrap_or_default() {
        let path = store.activity_path(id);
        let label = path.display().to_string();
        let Ok(bytes) = safe_fs::read_capped_nofollow(&path, MAX_SMALL_BYTES) else {
            continue;
        };
        let Ok(activity) = decode_activity(&bytes, &label) else {
            continue;
        };
        if activity.id != id {
            continue;
        }
        let attached: Vec<_> = activity.attachments.iter().collect();
        match store.bundled_attachments(&attached) {
            Ok(found) => {
                attachments.extend(found);
                records
                    .entries
                    .push((format!("activities/{id}.ron"), bytes));
            }
            Err(why) => records.skipped.push(format!("{label}: {why}")),
        }
    }
    records.attachments = attachments.into_iter().collect();
    records
}
