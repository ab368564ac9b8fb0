#include "core/work_order_sheet.hpp"

#include "core/text.hpp"

namespace desk {

namespace {
std::string cell(const char* label, const std::string& value, int span = 1) {
  return std::string("<th>") + label + "</th><td" + (span > 1 ? " colspan=\"" + std::to_string(span) + "\"" : "") +
         ">" + html_escape(value) + "</td>";
}
// Two short fields side by side, to keep the sheet on one page.
std::string pair(const char* a, const std::string& av, const char* b, const std::string& bv) {
  return "<tr>" + cell(a, av) + cell(b, bv) + "</tr>";
}
std::string wide(const char* label, const std::string& value) {
  return "<tr>" + cell(label, value, 3) + "</tr>";
}
std::string time_or_blank(const std::optional<Timestamp>& t) {
  return t ? format_local(*t) : "";
}
// A signature cell: the strokes as SVG (crisp at any zoom), or the paper
// sheet's number, or blank for a pen on the printed sheet.
std::string signature_cell(const std::optional<Signature>& s, const std::string& name, double width_mm) {
  if (!s || s->voided) return html_escape(name);
  std::string out;
  if (!s->strokes.empty()) out += signature_svg(*s, width_mm) + "<br>";
  out += html_escape(s->signer) + " · " + format_local(s->signed_at);
  if (!s->paper_sheet.empty()) out += " · 纸质签字 单号 " + html_escape(s->paper_sheet);
  return out;
}
}  // namespace

std::string repair_sheet_html(const Repair& r, const SheetOptions& o) {
  const bool a4 = o.paper == Paper::a4;
  // Long texts get a smaller size so that the sheet stays one page.
  const std::size_t text = utf8_length(r.description) + utf8_length(r.work_done) + utf8_length(r.quote);
  const char* body_pt = a4 ? (text > 900 ? "9.5pt" : "11pt") : (text > 400 ? "8pt" : "9.5pt");
  std::string h = "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">" + std::string(kPrintCsp) +
                  "<title>报修单/派工单 " + html_escape(r.order_no) +
                  "</title><style>@page{size:" + (a4 ? "A4;margin:15mm" : "A5;margin:7mm") +
                  "}body{margin:0;font-family:'WenQuanYi Micro Hei','Microsoft YaHei',sans-serif;font-size:" + body_pt +
                  "}h1{font-size:" + (a4 ? "18pt" : "14pt") +
                  ";text-align:center;margin:0 0 2mm}.head{display:flex;justify-content:space-between;"
                  "align-items:baseline;margin-bottom:2mm}.no{font-size:" +
                  (a4 ? "15pt" : "12pt") +
                  ";font-weight:bold}table{width:100%;border-collapse:collapse;table-layout:fixed}"
                  "th,td{border:1px solid #333;padding:1mm 1.5mm;text-align:left;vertical-align:top;"
                  "overflow-wrap:anywhere}th{width:17%;background:#f2f2f2;font-weight:normal}td{width:33%}"
                  ".sign td{height:" +
                  (a4 ? "22mm" : "13mm") + "}.meta{font-size:7.5pt;color:#555;margin-top:2mm}</style></head><body>";
  h += "<h1>报修单 / 派工单</h1><div class=\"head\"><span>项目：" +
       html_escape(o.site.empty() ? std::string("物业服务中心") : o.site) + "</span><span class=\"no\">工单号 " +
       html_escape(r.order_no.empty() ? r.meta.id : r.order_no) + "</span></div><table>";
  h += pair("报修时间", format_local(r.received_at), "受理人", o.received_by.empty() ? r.received_by : o.received_by);
  h += pair("报修人", r.requester, "联系电话", r.phone);
  h += pair("位置", r.unit, "故障类型", enum_label(r.fault).zh);
  h += wide("报修内容", r.description);
  h += pair("紧急程度",
            std::string(enum_label(r.urgency).zh) + (r.urgency == Urgency::emergency ? "（15分钟内到场）" : ""),
            "预约时间", time_or_blank(r.appointment));
  h += pair("维修人员", o.technician.empty() ? r.technician : o.technician, "派工时间", time_or_blank(r.dispatched_at));
  h += pair("到场时间", time_or_blank(r.arrived_at), "开工时间", time_or_blank(r.started_at));
  h += pair("有偿/无偿", r.paid ? "有偿" : "无偿", "材料来源", enum_label(r.materials).zh);
  if (r.paid) {
    h += wide("工时、材料及收费标准", r.quote);
    h += pair("收费合计", r.fee.fen > 0 ? format_yuan(r.fee) + " 元" : "", "收费情况",
              std::string(r.fee_collected ? "已现场收费" : "未收费") + (r.handed_to_cashier ? "，已交房管员" : "") +
                  (r.invoice_requested ? "，需开发票" : ""));
  }
  h += wide("维修情况", r.work_done);
  if (!r.unfixable_reason.empty()) h += wide("未能修复原因", r.unfixable_reason);
  h += pair("完工时间", time_or_blank(r.finished_at), "验收时间", time_or_blank(r.accepted_at));
  const double sign_mm = a4 ? 60 : 36;
  h += "</table><table class=\"sign\" style=\"margin-top:2mm\">";
  if (r.paid)
    h += "<tr><th>客户同意收费签名</th><td colspan=\"3\">" + signature_cell(r.agreement_signature, "", sign_mm) +
         "</td></tr>";
  h += "<tr><th>客户验收签名</th><td>" + signature_cell(r.customer_signature, r.signed_by, sign_mm) +
       "</td><th>维修人员签名</th><td>" + signature_cell(r.technician_signature, "", sign_mm) + "</td></tr></table>";
  h += "<div class=\"meta\">记录号 " + html_escape(r.meta.id) + " · 第 " + std::to_string(r.meta.revision) +
       " 版 · 打印后由客户签字，交服务中心存档</div></body></html>";
  return h;
}

std::string repair_sheet_html(const Repair& r, const std::string& site_name) {
  return repair_sheet_html(r, SheetOptions{site_name, "", "", Paper::a5});
}

}  // namespace desk
