#include "core/work_order_sheet.hpp"

namespace desk {

namespace {
std::string row(const char* label, const std::string& value) {
  return std::string("<tr><th>") + label + "</th><td>" + html_escape(value) + "</td></tr>";
}
std::string time_or_blank(const std::optional<Timestamp>& t) {
  return t ? format_local(*t) : "";
}
// A signature cell: the strokes as SVG (crisp at any zoom), or the paper
// sheet's number, or blank for a pen on the printed sheet.
std::string signature_cell(const std::optional<Signature>& s, const std::string& name) {
  if (!s || s->voided) return html_escape(name);
  std::string cell;
  if (!s->strokes.empty()) cell += signature_svg(*s, 45) + "<br>";
  cell += html_escape(s->signer) + " · " + format_local(s->signed_at);
  if (!s->paper_sheet.empty()) cell += " · 纸质签字 单号 " + html_escape(s->paper_sheet);
  return cell;
}
}  // namespace

std::string repair_sheet_html(const Repair& r, const std::string& site_name) {
  std::string h =
      "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">" + std::string(kPrintCsp) +
      "<title>报修单/派工单</title><style>"
      "@page{size:A5;margin:8mm}body{font-family:'WenQuanYi Micro Hei','Microsoft YaHei',sans-serif;font-size:10pt}"
      "h1{font-size:15pt;text-align:center;margin:0 0 4mm}table{width:100%;border-collapse:collapse}"
      "th,td{border:1px solid #333;padding:1.2mm "
      "2mm;text-align:left;vertical-align:top}th{width:28%;background:#f2f2f2}"
      ".sign td{height:14mm}.meta{font-size:9pt;color:#555;margin-top:3mm}</style></head><body>";
  h += "<h1>" + html_escape(site_name.empty() ? std::string("物业服务中心") : site_name) +
       " 报修单 / 派工单</h1><table>";
  h += row("单号", r.meta.id);
  h += row("报修时间", format_local(r.received_at));
  h += row("报修人", r.requester);
  h += row("位置", r.unit);
  h += row("联系电话", r.phone);
  h += row("故障类型", enum_label(r.fault).zh);
  h += row("报修内容", r.description);
  h += row("紧急程度",
           std::string(enum_label(r.urgency).zh) + (r.urgency == Urgency::emergency ? "（15分钟内到场）" : ""));
  h += row("预约时间", time_or_blank(r.appointment));
  h += row("维修人员", r.technician);
  h += row("派工时间", time_or_blank(r.dispatched_at));
  h += row("有偿/无偿", r.paid ? "有偿" : "无偿");
  if (r.paid) h += row("收费标准", r.quote + (r.fee.fen > 0 ? "  合计 " + format_yuan(r.fee) + " 元" : ""));
  h += row("到场时间", time_or_blank(r.arrived_at));
  h += row("完工时间", time_or_blank(r.finished_at));
  h += row("维修情况", r.work_done);
  if (r.paid && signature_valid(r.agreement_signature))
    h += "<tr><th>客户同意收费签名</th><td>" + signature_cell(r.agreement_signature, "") + "</td></tr>";
  h += row("验收时间", time_or_blank(r.accepted_at));
  h += "</table><table class=\"sign\" style=\"margin-top:3mm\"><tr><th>客户验收签名</th><td>" +
       signature_cell(r.customer_signature, r.signed_by) + "</td></tr><tr><th>维修人员签名</th><td>" +
       signature_cell(r.technician_signature, "") + "</td></tr></table>";
  h += "<div class=\"meta\">第 " + std::to_string(r.meta.revision) +
       " 版 · 打印后由客户签字，交服务中心存档</div></body></html>";
  return h;
}

}  // namespace desk
