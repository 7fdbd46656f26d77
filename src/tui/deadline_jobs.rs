//! The jobs of the deadlines and activity screens (docs/design.md §14), run on the
//! runner's worker like every job (`jobs::perform` hands these over).

use super::action::{Action, Effect};
use super::app::{HomeTaizhang, ProfileStatus, TaizhangData};
use super::jobs::Context;
use crate::clock;
use crate::i18n::deadlines::{activity_store_error, unit_error};
use crate::model::activity::Copy;
use crate::ops;
use crate::progress::{Progress, Silent};

pub fn perform(context: &Context, effect: Effect, progress: &dyn Progress) -> Vec<Action> {
    let store = &context.store;
    let lang = context.lang;
    let t = lang.deadlines();
    let failed = |error: &crate::store::activities::ActivityStoreError| {
        vec![Action::Failed(activity_store_error(lang, error))]
    };
    match effect {
        Effect::LoadTaizhang { screen } => match load(context, progress) {
            Ok(data) => vec![Action::TaizhangLoaded(Box::new(data), screen)],
            Err(error) => failed(&error),
        },
        Effect::CreateProfile => {
            let draft = store
                .overview_with(progress)
                .map(|overview| ops::unit::draft(&overview));
            match draft {
                Ok(unit) => match ops::unit::create(store, &unit, clock::now()) {
                    Ok(()) => vec![Action::ProfileCreated(unit.departments.len())],
                    Err(error) => vec![Action::Failed(unit_error(lang, &error))],
                },
                Err(error) => vec![Action::Failed(crate::i18n::errors::store_error(
                    lang, &error,
                ))],
            }
        }
        Effect::HandIn { id, copy, date } => {
            let (electronic, paper) = match copy {
                Copy::Electronic => (Some(date), None),
                Copy::Paper => (None, Some(date)),
            };
            match ops::activity::report(store, id, electronic, paper, clock::now()) {
                Ok(_) => {
                    let word = match copy {
                        Copy::Electronic => t.electronic,
                        Copy::Paper => t.paper,
                    };
                    vec![Action::ActivitySaved((t.handed_today)(word))]
                }
                Err(error) => failed(&error),
            }
        }
        Effect::SaveActivity {
            id,
            fields,
            recorded_by,
        } => {
            let saved = match id {
                Some(id) => ops::activity::edit(store, id, fields, clock::now()),
                None => ops::activity::add(store, fields, &recorded_by, clock::now()),
            };
            match saved {
                Ok(_) => vec![Action::ActivitySaved(t.activity_saved.to_string())],
                Err(error) => failed(&error),
            }
        }
        Effect::AttachToActivity { id, paths } => {
            let paths: Vec<_> = paths
                .iter()
                .map(|path| super::file_jobs::expand_home(path))
                .collect();
            match ops::activity::attach(store, id, &paths, "", clock::now()) {
                Ok(attached) => {
                    let text = (lang.ui().attached)(attached.len());
                    vec![Action::ActivitySaved(text)]
                }
                Err(error) => failed(&error),
            }
        }
        Effect::CaptionActivityFile {
            id,
            number,
            caption,
        } => match ops::activity::caption(store, id, number, &caption, clock::now()) {
            Ok(_) => vec![Action::ActivitySaved(t.activity_saved.to_string())],
            Err(error) => failed(&error),
        },
        Effect::DetachFromActivity { id, number } => {
            match ops::activity::detach(store, id, number, clock::now()) {
                Ok(removed) => vec![Action::ActivitySaved((t.detached)(&removed.file))],
                Err(error) => failed(&error),
            }
        }
        _ => Vec::new(),
    }
}

fn load(
    context: &Context,
    progress: &dyn Progress,
) -> Result<TaizhangData, crate::store::activities::ActivityStoreError> {
    let today = clock::today();
    let deadlines = ops::deadlines::deadlines(&context.store, None, today, progress)?;
    let activities = ops::activity::list(&context.store, None, false, today)?.rows;
    Ok(TaizhangData {
        deadlines,
        activities,
    })
}

/// What the home screen shows of the profile and of what is late.
pub fn home_deadlines(context: &Context) -> HomeTaizhang {
    let profile = match ops::unit::load(&context.store) {
        Ok(None) => ProfileStatus::Missing,
        Ok(Some(loaded)) => ProfileStatus::Present(loaded.unit.departments),
        Err(error) => ProfileStatus::Damaged(unit_error(context.lang, &error)),
    };
    let late = ops::deadlines::deadlines(&context.store, None, clock::today(), &Silent)
        .ok()
        .map(|deadlines| deadlines.late_count());
    HomeTaizhang { profile, late }
}
