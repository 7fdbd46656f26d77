//! Every error in the user's language. English is each error type's own wording
//! (its `Display`, which logs share); Chinese is here, one arm per variant and no
//! wildcard, so a new variant does not compile until it is said in Chinese too.
//! The CLI's `--lang` and the UI's language choose between them.

use std::io::ErrorKind;

use super::Lang;
use crate::export::{ExportError, UnknownFormat};
use crate::model::edit::EditError;
use crate::model::rate::RateError;
use crate::model::session::{Status, UnknownStatus};
use crate::ops::OpsError;
use crate::store::StoreError;
use crate::store::lock::{LockError, LockInfo};
use crate::store::safe_fs::{self, Refusal};

mod transfer;

pub use transfer::{attachment_error, bundle_error, import_error, merge_error, resolve_error};

/// What an I/O error means, as the UI says it in Chinese.
fn io_cause(source: &std::io::Error) -> String {
    if let Some(refused) = safe_fs::refusal(source) {
        return refusal(refused);
    }
    match source.kind() {
        ErrorKind::StorageFull => "磁盘已满".into(),
        ErrorKind::PermissionDenied => "没有写入权限".into(),
        ErrorKind::ReadOnlyFilesystem => "文件夹是只读的".into(),
        ErrorKind::NotFound => "找不到文件或文件夹".into(),
        _ => source.to_string(),
    }
}

/// Why the store left an entry alone (a link, a folder, a pipe, a huge file).
pub fn refusal(refusal: Refusal) -> String {
    match refusal {
        Refusal::Link => "是符号链接；zicha 不跟随其文件夹中的链接（未改动）".into(),
        Refusal::Folder => "是文件夹，不是文件（未改动）".into(),
        Refusal::Special => "不是普通文件（管道、设备或套接字）；未打开（未改动）".into(),
        Refusal::TooLarge { max } => {
            format!(
                "大于 {} MiB，超过 zicha 对它的读取上限（未改动）",
                max >> 20
            )
        }
    }
}

fn holder(holder: &LockInfo) -> String {
    format!(
        "主机 {}，进程 {}，{} 起",
        holder.host,
        holder.pid,
        holder.since.format("%Y-%m-%d %H:%M")
    )
}

pub fn lock_error(lang: Lang, error: &LockError) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    match error {
        LockError::Held { holder: h, .. } => {
            format!("正在被另一个 zicha 使用（{}）", holder(h))
        }
        LockError::HeldElsewhere { holder: h, path } => format!(
            "正在被另一台电脑上的 zicha 使用（{}）；如果那里已不再运行，请删除 {}",
            holder(h),
            path.display()
        ),
        LockError::HeldUnknown { .. } => "正在被另一个程序使用".into(),
        LockError::Io { path, source } => {
            format!("无法锁定 {}：{}", path.display(), io_cause(source))
        }
    }
}

pub fn store_error(lang: Lang, error: &StoreError) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    match error {
        StoreError::Io { path, source, .. } => match safe_fs::refusal(source) {
            Some(refused) => format!("{}：{}", path.display(), refusal(refused)),
            None => format!("{}：{}", io_cause(source), path.display()),
        },
        StoreError::Lock(lock) => lock_error(lang, lock),
        StoreError::Unreadable(problem) => format!("无法读取 {problem}"),
        StoreError::NoSuchSession(prefix) => format!("没有与 {prefix:?} 相符的检查记录"),
        StoreError::Ambiguous { prefix, matches } => format!(
            "{prefix:?} 与 {} 条检查记录相符：{}；请多输入几位编号",
            matches.len(),
            matches.join(", ")
        ),
        StoreError::Conflict { copy, .. } => format!(
            "这条记录已被其他程序修改，没有覆盖它；您的版本已另存为 {}",
            copy.display()
        ),
        StoreError::ReadOnly { id, reason } => format!("检查记录 {id} 只读：{reason}"),
        StoreError::ChecklistMissing { id, version, hash } => {
            format!("检查表 {id} v{version}（{hash}）既不在 archive/ 中，也不在检查表中")
        }
        StoreError::UnknownChecklist { id, available } => {
            format!("没有编号为 {id:?} 的检查表；可用的有：{available}")
        }
        StoreError::BadChecklist(problems) => problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n"),
        StoreError::Encode { id, message } => format!("无法写出检查记录 {id}：{message}"),
        StoreError::NoSuchProblem(prefix) => {
            format!("没有与 {prefix:?} 相符的问题（问题编号形如 P-<编号>，见 zicha ledger）")
        }
        StoreError::AmbiguousProblem { prefix, matches } => format!(
            "P-{prefix} 与 {} 个问题相符：{}；请多输入几位编号",
            matches.len(),
            matches.join(", ")
        ),
        StoreError::ProblemChanged { id, path } => format!(
            "问题 {id} 读取后已被其他程序修改，没有覆盖它（{}）；请重试",
            path.display()
        ),
    }
}

pub fn edit_error(lang: Lang, error: &EditError) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    match error {
        EditError::NoSuchDeduction {
            code,
            index,
            choices,
        } => format!("条目 {code} 没有第 {index} 项扣分；可选：{choices}"),
        EditError::NotPerOccurrence {
            code,
            number,
            reason,
        } => {
            format!("条目 {code} 的第 {number} 项扣分（{reason}）只扣一次；NxK 只用于按次计的扣分")
        }
        EditError::ZeroCount { code, number } => {
            format!("条目 {code} 的第 {number} 项扣分：次数至少为 1")
        }
        EditError::OutOfScope { code } => {
            format!("条目 {code} 由全单位统一评定；请在单位检查记录中评定")
        }
        EditError::PartialPenalty { code } => format!(
            "条目 {code} 是负面清单条目：评为达标（无此情形）或未达标（存在），不能评为基本达标"
        ),
        EditError::LevelOnNonBase { code } => {
            format!("等次只用于基本条目；条目 {code} 是加分或负面清单条目")
        }
        EditError::NoSuchLevel { label, choices } => {
            format!("检查表没有等次 {label:?}；可用的等次：{choices}")
        }
        EditError::NotRateItem { code } => {
            format!("条目 {code} 没有比率档次；比率只用于按调查比率评定的条目")
        }
        EditError::JudgementWithDeductions { code } => {
            format!("条目 {code}：等次或比率取代扣分，二者只能给一个")
        }
        EditError::BadRate(rate) => rate_error(lang, rate),
        EditError::BadPoints(points) => format!("扣分应为不小于 0 的数字，而不是 {points}"),
        EditError::EmptyReason => "其他扣分需要填写原因".into(),
        EditError::NoRectification { code } => format!(
            "{code} 没有整改；请先填写整改（zicha mark … --owner-department、--owner、--measure 或 --due）"
        ),
        EditError::AlreadyDone { code, by, at } => {
            format!("{code} 的整改已由 {by} 于 {at} 报告落实，正等待复查")
        }
        EditError::AlreadyClosed { code, by, at } => {
            format!("{code} 的整改已由 {by} 于 {at} 复查通过销号")
        }
    }
}

pub fn rate_error(lang: Lang, error: &RateError) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    match error {
        RateError::Syntax(text) => {
            format!("{text:?} 不是比率；请写成 回答人数/调查人数（43/50）或百分比（86%）")
        }
        RateError::NobodyAsked { numerator } => {
            format!("比率需要有调查对象：{numerator}/0 的分母为 0")
        }
        RateError::MoreThanAsked {
            numerator,
            denominator,
        } => format!("{numerator}/{denominator}：回答的人数多于调查的人数"),
        RateError::OutOfRange(percent) => {
            format!("比率应为 0 到 100 之间的百分数，而不是 {percent}")
        }
    }
}

pub fn export_error(lang: Lang, error: &ExportError) -> String {
    if lang == Lang::En {
        return match error {
            ExportError::Exists { path } => {
                format!(
                    "{} already exists; use --force to replace it",
                    path.display()
                )
            }
            other => other.to_string(),
        };
    }
    match error {
        ExportError::Store(store) => store_error(lang, store),
        ExportError::NothingSelected => "没有选择检查记录".into(),
        ExportError::Unreadable(lines) => format!(
            "无法导出：{} 个检查记录文件无法读取；请先修复，或移到 trash/：\n{}",
            lines.len(),
            lines.join("\n")
        ),
        ExportError::Checklist { id, source } => {
            format!("检查记录 {id}：{}", store_error(lang, source))
        }
        ExportError::EmptyRound { label, known } => format!(
            "轮次 {label:?} 没有检查记录；现有轮次：{}",
            if known.is_empty() {
                "无".to_string()
            } else {
                known.join(", ")
            }
        ),
        ExportError::Exists { path } => {
            format!("{} 已存在；要替换请加 --force", path.display())
        }
        ExportError::Write { path, source } => {
            format!("无法写入 {}：{source}", path.display())
        }
        ExportError::Folder { path, source } => {
            format!("无法建立文件夹 {}：{source}", path.display())
        }
        ExportError::Xlsx(inner) => format!("无法生成 xlsx 文件：{inner}"),
        ExportError::Docx(inner) => format!("无法生成 docx 文件：{inner}"),
        ExportError::PackageOfOne => {
            "测评材料包按一个检查记录制作：请指定一个检查记录，而不是多个或整轮".into()
        }
        ExportError::Attachment { code, file, source } => {
            format!(
                "条目 {code}：无法复制附件 {file}：{}",
                store_error(lang, source)
            )
        }
    }
}

pub fn ops_error(lang: Lang, error: &OpsError) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    match error {
        OpsError::Store(store) => store_error(lang, store),
        OpsError::Edit(edit) => edit_error(lang, edit),
        OpsError::Resolve(resolve) => resolve_error(lang, resolve),
        OpsError::Export(export) => export_error(lang, export),
        OpsError::Attachment(attachment) => attachment_error(lang, attachment),
        OpsError::NoAttachment {
            code,
            number,
            count,
        } => format!("条目 {code} 有 {count} 个附件，没有第 {number} 个"),
        OpsError::NotSaved(store) => format!("修改没有保存：{}", store_error(lang, store)),
        OpsError::Finished { id } => {
            format!("检查记录 {id} 已完成，为只读；要修改请先运行 zicha reopen {id}")
        }
        OpsError::NoSuchItem {
            code,
            checklist,
            version,
            codes,
        } => format!(
            "{checklist} v{version} 中没有条目 {code:?}；可用的编号：{}",
            codes.join(", ")
        ),
        OpsError::NoRectifiedItem {
            code,
            session,
            open,
        } => format!(
            "检查记录 {session} 中没有条目 {code:?}；有未完成整改的条目：{}",
            if open.is_empty() {
                "无".to_string()
            } else {
                open.join(", ")
            }
        ),
        OpsError::ProblemField(field) => match field {
            crate::ops::problem::MissingField::Department => {
                "问题需要填写部门（--department）".into()
            }
            crate::ops::problem::MissingField::Title => "问题需要填写标题（--title）".into(),
        },
        OpsError::NoRounds => "还没有检查记录，没有可汇总的轮次".into(),
        OpsError::NoSuchRound { label, known } => {
            format!("没有轮次 {label:?}；已有轮次：{}", known.join("、"))
        }
        OpsError::MissingCode { session } => {
            format!("请在检查记录后写出条目编号：{session} 条目编号")
        }
        OpsError::CodeForProblem { code } => {
            format!("问题（P-…）没有条目编号；请去掉 {code:?}")
        }
        OpsError::NoPrior {
            id,
            department,
            checklist,
            date,
        } => format!(
            "检查记录 {id}（{department}，检查表 {checklist}，{date}）没有上一轮：同一部门、同一检查表没有更早日期的检查记录；可用 zicha compare {id} 上一轮记录 指定"
        ),
        OpsError::DifferentChecklists {
            current,
            current_checklist,
            prior,
            prior_checklist,
        } => format!(
            "检查记录 {current} 用的是检查表 {current_checklist:?}，{prior} 用的是 {prior_checklist:?}；对比需要同一检查表"
        ),
    }
}

/// Every status word `mark` accepts, English and Chinese, from `Status::ALL`.
pub fn accepted_statuses(lang: Lang) -> String {
    let english: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
    let chinese: Vec<&str> = Status::ALL.iter().map(|s| Lang::Zh.status(*s)).collect();
    match lang {
        Lang::En => format!(
            "{}, or the Chinese words {}",
            english.join(", "),
            chinese.join(", ")
        ),
        Lang::Zh => format!("{}，或 {}", english.join("、"), chinese.join("、")),
    }
}

pub fn unknown_status(lang: Lang, error: &UnknownStatus) -> String {
    match lang {
        Lang::En => format!(
            "unknown status {:?}; expected one of: {}",
            error.0,
            accepted_statuses(lang)
        ),
        Lang::Zh => format!(
            "未知的状态 {:?}；可用：{}",
            error.0,
            accepted_statuses(lang)
        ),
    }
}

pub fn unknown_format(lang: Lang, error: &UnknownFormat) -> String {
    match lang {
        Lang::En => error.to_string(),
        Lang::Zh => format!(
            "未知的导出格式 {:?}；可用：md、csv、html、xlsx、docx",
            error.0
        ),
    }
}

#[cfg(test)]
mod tests;
