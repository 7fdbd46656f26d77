//! The words for every command: a short hint for the bar under the screen and a
//! line for the help screen. Exhaustive `match`es without a wildcard, so a new
//! `Command` does not compile until it has both texts in both languages. Texts name
//! no keys: the hint bar and the help screen put the bound keys beside them.

use super::Lang;
use crate::command::Command;
use crate::model::session::Status;

/// What the hint bar and the help screen say about a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandText {
    pub hint: &'static str,
    pub help: &'static str,
}

pub fn command_text(lang: Lang, command: Command) -> CommandText {
    let (hint, help) = match lang {
        Lang::Zh => zh(command),
        Lang::En => en(command),
    };
    CommandText { hint, help }
}

fn zh(command: Command) -> (&'static str, &'static str) {
    use Command as C;
    match command {
        C::Up => ("上移", "上移一行"),
        C::Down => ("下移", "下移一行"),
        C::PageUp => ("上页", "上翻一页"),
        C::PageDown => ("下页", "下翻一页"),
        C::Top => ("顶部", "跳到第一行"),
        C::Bottom => ("底部", "跳到最后一行"),
        C::NextSection => ("下一节", "跳到下一节"),
        C::PrevSection => ("上一节", "跳到上一节"),
        C::Collapse => ("折叠", "折叠本节 / 回到所在节"),
        C::Expand => ("展开", "展开本节"),
        C::ToggleSection => ("折叠/展开", "折叠或展开本节"),
        C::SetStatus(status) => match status {
            Status::Pass => ("达标", "标记为达标"),
            Status::Partial => ("基本达标", "标记为基本达标（有扣分时按扣分计，否则得一半）"),
            Status::Fail => ("未达标", "标记为未达标（0 分）"),
            Status::Na => ("不适用", "标记为不适用（不计入满分）"),
            Status::Pending => ("未查", "恢复为未查"),
        },
        C::EditNote => ("备注", "编辑备注（多行）"),
        C::Deductions => ("扣分", "扣分项：勾选预设扣分或填写其他扣分"),
        C::Rectify => (
            "整改",
            "整改：责任科室、责任人、整改措施、整改时限、落实情况",
        ),
        C::AddEvidence => (
            "资料",
            "佐证资料：输入或粘贴（拖入）文件路径附上照片和文档，或写一条说明",
        ),
        C::NextPending => ("下一未查", "跳到下一个未查条目"),
        C::PrevPending => ("上一未查", "跳到上一个未查条目"),
        C::Search => ("搜索", "搜索编号、标题和备注"),
        C::CycleFilter => (
            "筛选",
            "筛选：全部 / 未查 / 问题 / 与上轮不同 / 待复查 / 整改复查",
        ),
        C::Undo => ("撤销", "撤销上一步修改"),
        C::Redo => ("重做", "重做"),
        C::Compare => ("对比", "与上一轮对比"),
        C::History => ("历史", "本部门历次检查与趋势"),
        C::Ledger => ("台账", "整改台账"),
        C::Ranking => (
            "排名",
            "本轮各部门按得分率排名（红灯、黄灯、绿灯分档）；再按一次恢复原顺序",
        ),
        C::Export => ("导出", "导出报告"),
        C::Finish => ("完成", "完成检查（只读）/ 重新打开"),
        C::Help => ("帮助", "显示帮助"),
        C::Back => ("返回", "返回"),
        C::Quit => ("退出", "退出"),
        C::SaveAndQuit => ("保存退出", "在任何界面：保存打开的记录后退出"),
        C::Open => ("打开", "打开所选检查记录"),
        C::NewSession => ("新建", "新建检查记录"),
        C::Delete => ("删除", "删除（移入回收站）"),
        C::Reload => ("刷新", "重新读取数据"),
        C::ImportTable => (
            "导入表",
            "导入单位的 Word/Excel 测评表为检查表，并显示导入报告",
        ),
        C::Deadlines => (
            "期限",
            "报送期限：活动材料、月度材料、本期未检查的科室、到期整改",
        ),
        C::Activities => ("活动", "创建活动台账：添加、修改活动，登记材料报送"),
        C::CreateProfile => ("建单位概况", "用现有科室创建单位概况 unit.ron"),
        C::HandInElectronic => ("电子版已交", "登记所选活动的电子版材料今日已报送"),
        C::HandInPaper => ("纸质版已交", "登记所选活动的纸质版材料今日已报送"),
        C::AddActivity => ("新建活动", "新建一条活动记录"),
        C::SwitchFocus => ("切换", "在轮次和检查记录之间切换"),
        C::Yes => ("确定", "确定"),
        C::No => ("取消", "取消"),
        C::Toggle => ("勾选", "勾选或取消"),
        C::Submit => ("确定", "确定"),
        C::NextField => ("下一项", "下一项"),
        C::PrevField => ("上一项", "上一项"),
        C::FinishEditing => ("完成", "完成编辑（内容保留）"),
        C::Newline => ("换行", "换行（支持粘贴和输入法）"),
        C::NextMatch => ("下一个", "下一个匹配"),
        C::PrevMatch => ("上一个", "上一个匹配"),
        C::ChangedOnly => ("只看变化", "只显示有变化的条目"),
        C::MarkDone => (
            "落实",
            "整改落实：报告整改已完成（表单中切换，台账中填写落实情况）",
        ),
        C::ToggleAll => ("全部", "显示全部 / 只显示未完成的整改"),
        C::ReviewConflicts => ("冲突", "审阅合并冲突（导入后两份记录不一致的条目）"),
        C::KeepMine => ("保留当前", "保留当前采用的版本"),
        C::KeepTheirs => ("采用此版本", "改用所选的另一版本"),
        C::KeepBoth => ("合并备注", "保留当前版本，并把各版本的备注合在一起"),
        C::NextVersion => ("下一版本", "选择下一个版本"),
        C::PrevVersion => ("上一版本", "选择上一个版本"),
        C::Judge => ("评定", "按等次或调查比率评定本条目"),
        C::Count(_) => ("次数", "输入所选扣分的次数（0 取消）"),
        C::More => ("加一次", "所选扣分加一次"),
        C::Less => ("减一次", "所选扣分减一次"),
        C::PickLevel(_) => ("等次", "按序号选择等次"),
        C::RecheckPass => ("复查通过", "复查通过：整改销号"),
        C::RecheckFail => ("复查未通过", "复查未通过：整改仍需继续"),
        C::AddProblem => ("新增问题", "登记外来问题（上级通报、测评反馈）"),
        C::CycleDepartment => ("科室", "按责任科室筛选：全部 / 逐个科室"),
        C::OverdueOnly => ("逾期", "只看逾期 / 全部"),
        C::Duties => ("责任分解", "责任分解：各牵头科室的失分与待整改"),
        C::PrevRound => ("上一轮", "查看更早的一轮"),
        C::NextRound => ("下一轮", "查看更新的一轮"),
        C::PrevChoice => ("前一选项", "换成前一个选项"),
        C::NextChoice => ("后一选项", "换成后一个选项"),
        C::OpenAttachment => ("打开", "用系统程序打开选中的附件"),
    }
}

fn en(command: Command) -> (&'static str, &'static str) {
    use Command as C;
    match command {
        C::Up => ("up", "Move up"),
        C::Down => ("down", "Move down"),
        C::PageUp => ("page up", "Page up"),
        C::PageDown => ("page down", "Page down"),
        C::Top => ("top", "Go to the first row"),
        C::Bottom => ("bottom", "Go to the last row"),
        C::NextSection => ("next section", "Next section"),
        C::PrevSection => ("prev section", "Previous section"),
        C::Collapse => ("collapse", "Collapse the section / go to its section"),
        C::Expand => ("expand", "Expand the section"),
        C::ToggleSection => ("fold", "Collapse or expand the section"),
        C::SetStatus(status) => match status {
            Status::Pass => ("pass", "Mark pass"),
            Status::Partial => (
                "partial",
                "Mark partial (deductions apply, else half the points)",
            ),
            Status::Fail => ("fail", "Mark fail (0 points)"),
            Status::Na => ("n/a", "Mark not applicable (out of the maximum)"),
            Status::Pending => ("pending", "Back to pending"),
        },
        C::EditNote => ("note", "Edit the note (multi-line)"),
        C::Deductions => ("deduct", "Deductions: pick predefined ones or add another"),
        C::Rectify => (
            "rectify",
            "Rectification: owner department, owner, measure, due date, done",
        ),
        C::AddEvidence => (
            "evidence",
            "Evidence: type or paste (drag in) file paths to attach photos and documents, or write a label",
        ),
        C::NextPending => ("next pending", "Next pending item"),
        C::PrevPending => ("prev pending", "Previous pending item"),
        C::Search => ("search", "Search codes, titles and notes"),
        C::CycleFilter => (
            "filter",
            "Filter: all / pending / problems / changed / re-check / rectifications",
        ),
        C::Undo => ("undo", "Undo the last change"),
        C::Redo => ("redo", "Redo"),
        C::Compare => ("compare", "Compare with the prior round"),
        C::History => ("history", "This department's rounds and trend"),
        C::Ledger => ("ledger", "Rectification ledger"),
        C::Ranking => (
            "ranking",
            "Rank the round's departments by percent with red, yellow and green bands; again for the usual order",
        ),
        C::Export => ("export", "Export a report"),
        C::Finish => ("finish", "Finish (read-only) / reopen"),
        C::Help => ("help", "Show help"),
        C::Back => ("back", "Back"),
        C::Quit => ("quit", "Quit"),
        C::SaveAndQuit => ("save and quit", "Anywhere: save what is open, then quit"),
        C::Open => ("open", "Open the selected session"),
        C::NewSession => ("new", "New session"),
        C::Delete => ("delete", "Delete (to the trash)"),
        C::Reload => ("reload", "Read the data again"),
        C::ImportTable => (
            "import",
            "Import the office's Word/Excel table as a checklist, with its report",
        ),
        C::Deadlines => (
            "deadlines",
            "What is due: activity material, the monthly report, departments not inspected, rectifications",
        ),
        C::Activities => (
            "activities",
            "The activity ledger: add and edit activities, record material handed in",
        ),
        C::CreateProfile => (
            "create profile",
            "Create unit.ron from the departments in the data",
        ),
        C::HandInElectronic => (
            "electronic in",
            "Record the selected activity's electronic material as handed in today",
        ),
        C::HandInPaper => (
            "paper in",
            "Record the selected activity's paper material as handed in today",
        ),
        C::AddActivity => ("new activity", "Record a new activity"),
        C::SwitchFocus => ("switch", "Switch between rounds and sessions"),
        C::Yes => ("yes", "Yes"),
        C::No => ("no", "No"),
        C::Toggle => ("toggle", "Toggle"),
        C::Submit => ("ok", "Confirm"),
        C::NextField => ("next", "Next field"),
        C::PrevField => ("prev", "Previous field"),
        C::FinishEditing => ("done", "Finish editing (the text is kept)"),
        C::Newline => ("newline", "New line (paste and input methods work)"),
        C::NextMatch => ("next", "Next match"),
        C::PrevMatch => ("prev", "Previous match"),
        C::ChangedOnly => ("changed only", "Show only changed items"),
        C::MarkDone => (
            "done",
            "Report the rectification done (a toggle in the form, a note on the ledger)",
        ),
        C::ToggleAll => ("all", "Show all / only open rectifications"),
        C::ReviewConflicts => (
            "conflicts",
            "Review merge conflicts (items two copies disagreed on)",
        ),
        C::KeepMine => ("keep current", "Keep the version in effect"),
        C::KeepTheirs => ("take this", "Take the selected other version"),
        C::KeepBoth => (
            "join notes",
            "Keep the version in effect and join every version's note",
        ),
        C::NextVersion => ("next version", "Select the next version"),
        C::PrevVersion => ("prev version", "Select the previous version"),
        C::Judge => ("judge", "Judge the item by a level or a surveyed rate"),
        C::Count(_) => (
            "count",
            "Type how many times the deduction applies (0 removes it)",
        ),
        C::More => ("once more", "The selected deduction once more"),
        C::Less => ("once less", "The selected deduction once less"),
        C::PickLevel(_) => ("level", "Pick a level by its number"),
        C::RecheckPass => (
            "re-check pass",
            "Re-check passed: the rectification is closed",
        ),
        C::RecheckFail => (
            "re-check fail",
            "Re-check failed: the rectification stays open",
        ),
        C::AddProblem => (
            "new problem",
            "Record a problem from outside (a notice, feedback)",
        ),
        C::CycleDepartment => ("department", "Filter by responsible department: all / each"),
        C::OverdueOnly => ("overdue", "Only overdue entries / all"),
        C::Duties => ("duties", "Responsibilities: what each lead department lost"),
        C::PrevRound => ("older round", "Show an older round"),
        C::NextRound => ("newer round", "Show a newer round"),
        C::PrevChoice => ("previous", "The previous choice"),
        C::NextChoice => ("next", "The next choice"),
        C::OpenAttachment => (
            "open",
            "Open the selected attachment with the system's viewer",
        ),
    }
}
