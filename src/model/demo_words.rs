//! The words sample data is made of: departments, inspectors and notes as a
//! 创建办 writes them.

use super::checklist::Item;
use super::demo::Rng;

pub(super) const DEPARTMENTS: [&str; 25] = [
    "办公室",
    "党群室",
    "财务科",
    "法制规划科",
    "人事科",
    "监察室",
    "综合科",
    "宣传科",
    "信访科",
    "安全生产科",
    "行政审批科",
    "执法监督科",
    "信息中心",
    "后勤服务中心",
    "档案室",
    "工会",
    "团委",
    "妇委会",
    "离退休干部科",
    "科技教育科",
    "政策法规科",
    "计划财务科",
    "审计科",
    "督查室",
    "研究室",
];

pub(super) const INSPECTORS: [&str; 8] = [
    "王敏", "李明", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄丽",
];

/// How an inspector opens a finding, by the item's first method of checking.
fn openings(method: &str) -> &'static [&'static str] {
    match method {
        "查阅资料" | "材料审核" => &["查阅台账", "核对资料", "抽查记录", "检查档案盒"],
        "实地查看" | "实地考察" => &["现场查看", "随机抽查", "实地查看"],
        "访谈" => &["访谈干部职工", "个别谈话了解"],
        "问卷调查" => &["问卷调查"],
        "听取汇报" => &["听取汇报后复核"],
        "明察暗访" => &["明察暗访"],
        "征求相关部门意见" => &["征求相关部门意见"],
        _ => &["对照标准逐项核查", "检查发现"],
    }
}

pub(super) fn opening(rng: &mut Rng, item: &Item) -> &'static str {
    let method = item.methods.first().map_or("", String::as_str);
    rng.pick(openings(method)).copied().unwrap_or("检查发现")
}

/// A word for an item found in order, by its first method of checking.
pub(super) fn praise(rng: &mut Rng, item: &Item) -> &'static str {
    let words: &[&str] = match item.methods.first().map_or("", String::as_str) {
        "查阅资料" | "材料审核" => &["资料齐全", "记录规范", "台账清晰，按时报送"],
        "实地查看" | "实地考察" | "明察暗访" => &["整洁有序", "较上轮明显改善"],
        "访谈" | "问卷调查" => &["群众反映较好", "干部职工知晓情况好"],
        _ => &["落实到位", "制度健全，执行良好"],
    };
    rng.pick(words).copied().unwrap_or("落实到位")
}

/// Findings an inspector writes in their own words, on the items they belong to
/// (checklist id, item code, finding).
pub const ITEM_NOTES: [(&str, &str, &str); 24] = [
    ("wenming-danwei", "3.5", "办公桌面物品摆放杂乱"),
    ("wenming-keshi", "5.2", "办公桌面物品摆放杂乱"),
    ("siyou", "1.2", "办公桌面物品摆放杂乱"),
    ("wenming-danwei", "3.3", "窗台有积灰"),
    ("wenming-keshi", "5.1", "窗台有积灰"),
    ("wenming-danwei", "3.4", "公共区域有烟头"),
    ("wenming-danwei", "3.7.2", "楼梯间有烟头"),
    ("siyou", "1.5", "公共区域有烟头"),
    ("wenming-danwei", "1.2", "学习记录后补痕迹明显"),
    ("wenming-keshi", "1.2", "学习记录后补痕迹明显"),
    ("wenming-danwei", "7.7.4", "月报未在20日前报送"),
    ("wenming-keshi", "4.3", "月报未在20日前报送"),
    ("chuangjian-dangan", "1.2", "月报未在20日前报送"),
    ("chuangjian-dangan", "2.2.2", "活动照片缺失"),
    ("daode-jiangtang", "7.5", "活动照片缺失"),
    ("wenming-danwei", "7.7.3", "档案未分类装盒"),
    ("chuangjian-dangan", "2.1.2", "档案未分类装盒"),
    ("wenming-danwei", "5.2.5", "宣传栏内容未及时更换"),
    ("wenming-danwei", "7.3", "志愿服务记录不完整"),
    ("wenming-keshi", "4.2", "志愿服务记录不完整"),
    ("wenming-danwei", "2.7", "群众意见未及时回复"),
    ("siyou", "4.3", "群众意见未及时回复"),
    ("wenming-danwei", "1.5", "会后无整改措施"),
    ("wenming-keshi", "3.1", "制度未上墙"),
];

pub(super) const FOLLOW_UPS: [&str; 8] = [
    "已当场指出，要求限期整改",
    "科室负责人表示本周内整改到位",
    "需在下次检查前完成整改并报创建办备案",
    "与上轮问题相同，请高度重视",
    "已拍照留存",
    "整改情况下轮复查",
    "要求补充说明材料",
    "请分管领导督促落实",
];

pub(super) const EVIDENCE: [&str; 6] = [
    "照片 3 张",
    "会议记录扫描件",
    "签到表",
    "现场照片",
    "月报复印件",
    "整改通知书",
];

pub(super) const CLOSING_NOTES: [&str; 5] = [
    "已整改，复查达标",
    "资料已补齐",
    "已完成整改并上报",
    "复查合格",
    "问题已消除",
];
