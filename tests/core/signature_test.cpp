// 签字 on the screen (issue 15): the shape a signature may have, the rule
// that a repair is accepted only with the customer's signature (seed 002),
// signatures that cannot be edited once stored, only voided by a supervisor,
// and every reader and the import refusing a malformed or oversized one.
#include "core/signature.hpp"

#include <catch2/catch.hpp>

#include "core/exchange.hpp"
#include "core/journal.hpp"
#include "core/key_loan.hpp"
#include "core/record_reader.hpp"
#include "core/repair.hpp"
#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

namespace {
bool mentions(const Errors& errors, const std::string& key, const std::string& zh_part) {
  for (const auto& e : errors)
    if (e.where.find(key) != std::string::npos && e.message.zh.find(zh_part) != std::string::npos) return true;
  return false;
}

// A repair finished by the technician, ready for 客户验收签字.
Repair finished_repair() {
  Repair r;
  r.received_at = morning();
  r.requester = "张女士";
  r.unit = "2栋-0303";
  r.description = "厨房水龙头漏水";
  r.received_by = "S001";
  r.urgency = Urgency::emergency;
  r.technician = "T007";
  auto x = create_checked(r, actor_as(Role::receptionist)).value();
  x = perform(x, x, RepairAction::dispatch, actor_as(Role::receptionist)).value();
  x = perform(x, x, RepairAction::arrive, actor_as(Role::technician)).value();
  Repair d = x;
  d.work_done = "更换阀芯";
  return perform(x, d, RepairAction::finish, actor_as(Role::technician)).value();
}

Repair accepted_repair() {
  Repair r = finished_repair();
  Repair d = r;
  d.signed_by = "张女士";
  d.customer_signature = drawn_signature();
  return perform(r, d, RepairAction::accept, actor_as(Role::technician)).value();
}

// Journal line → record through one reader.
std::optional<Repair> read_back(const std::string& line, bool fast) {
  Dataset data;
  if (fast) {
    if (!fast::read_record(line, data)) return std::nullopt;
  } else {
    Repair r;
    Errors errors;
    if (!record_from_json(json::parse(line), r, errors, "")) return std::nullopt;
    return r;
  }
  const auto& rows = data.table<Repair>().rows();
  if (rows.empty()) return std::nullopt;
  return rows.front();
}
}  // namespace

TEST_CASE("signature: a drawn or paper signature has a valid shape; anything else is named") {
  CHECK(shape_errors(drawn_signature()).empty());
  Signature paper;
  paper.signer = "张女士";
  paper.signed_at = morning();
  paper.paper_sheet = "PD-0042";
  CHECK(shape_errors(paper).empty());
  CHECK(signature_valid(paper));

  Signature s = drawn_signature();
  s.strokes[0].points[0] = kSignatureWidth + 1;  // just outside the pad
  CHECK_FALSE(shape_errors(s).empty());
  s = drawn_signature();
  s.strokes[0].points[0] = kSignatureWidth;  // on the edge: fine
  CHECK(shape_errors(s).empty());
  s.strokes[1].points.pop_back();  // a broken triple
  CHECK(shape_errors(s).front().message.zh.find("不完整") != std::string::npos);
  s = drawn_signature();
  s.strokes[0].points[2] = 0;  // pressure outside 1–9
  CHECK_FALSE(shape_errors(s).empty());
  s = drawn_signature();
  s.signer = " ";
  CHECK_FALSE(shape_errors(s).empty());
  s = drawn_signature();
  s.strokes.clear();
  CHECK_FALSE(shape_errors(s).empty());
  CHECK_FALSE(signature_valid(s));
}

TEST_CASE("signature: at most kMaxSignaturePoints points, a few KB of JSON") {
  Signature s = drawn_signature();
  s.strokes.clear();
  // 800 points in 5 strokes of 160 (each stroke within the 500-value list limit).
  for (int k = 0; k < 5; ++k) {
    SignatureStroke st;
    for (int i = 0; i < 160; ++i) st.points.insert(st.points.end(), {599 - i, 199 - k * 20, 9});
    s.strokes.push_back(st);
  }
  CHECK(shape_errors(s).empty());
  CHECK(to_value(s).dump().size() < 12 * 1024);
  s.strokes.push_back({{1, 1, 1}});  // the 801st point
  const auto e = shape_errors(s);
  REQUIRE(e.size() == 1);
  CHECK(e.front().message.zh == "签字过大：最多 800 个点，当前 801 个");
}

TEST_CASE("signature: (rule) seed 002 — a repair is accepted only with the customer's signature") {
  Repair r = finished_repair();
  Repair d = r;
  d.signed_by = "张女士";
  auto refused = perform(r, d, RepairAction::accept, actor_as(Role::technician));
  REQUIRE_FALSE(refused.ok());
  CHECK(mentions(refused.errors(), "customer_signature", "请客户在签字框内签字"));

  d.customer_signature = paper_signature("张女士", morning(), "PD-0042");  // 纸质签字 with its sheet
  CHECK(perform(r, d, RepairAction::accept, actor_as(Role::technician)).ok());
  d.customer_signature = drawn_signature();
  auto ok = perform(r, d, RepairAction::accept, actor_as(Role::technician));
  REQUIRE(ok.ok());
  CHECK(ok->customer_signature == drawn_signature());
  // The history shows the strokes were given with the acceptance.
  const auto& last = ok->meta.history.back();
  CHECK(last.action == "accept");
  bool logged = false;
  for (const auto& c : last.changes) logged |= c.field == "customer_signature" && c.to.contains("strokes");
  CHECK(logged);
}

TEST_CASE("signature: once stored it cannot be edited, by an edit or a workflow step") {
  const Repair r = accepted_repair();
  Repair d = r;
  d.customer_signature->strokes[0].points[0] = 41;
  auto edit = edit_checked(r, d, actor_as(Role::supervisor));
  REQUIRE_FALSE(edit.ok());
  CHECK(mentions(edit.errors(), "customer_signature", "不能修改"));
  d = r;
  d.customer_signature.reset();
  CHECK_FALSE(edit_checked(r, d, actor_as(Role::project_manager)).ok());
  d = r;
  d.customer_signature->signer = "李四";
  CHECK_FALSE(perform(r, d, RepairAction::callback, actor_as(Role::receptionist)).ok());
  // Other fields still edit; the signature rides along unchanged.
  d = r;
  d.work_done = "更换阀芯，试水正常";
  CHECK(edit_checked(r, d, actor_as(Role::receptionist)).ok());
}

TEST_CASE("signature: only a supervisor voids it, with a reason; then a new one may be taken") {
  const Repair r = accepted_repair();
  auto by_desk = void_signature(r, "customer_signature", "签错了", actor_as(Role::receptionist));
  REQUIRE_FALSE(by_desk.ok());
  CHECK(by_desk.errors().front().message.zh.find("作废签字") != std::string::npos);
  CHECK_FALSE(void_signature(r, "customer_signature", "  ", actor_as(Role::supervisor)).ok());
  CHECK_FALSE(void_signature(r, "technician_signature", "无", actor_as(Role::supervisor)).ok());  // none there

  auto v =
      void_signature(r, "customer_signature", "客户签在了别人的单上", actor_as(Role::supervisor, morning(), "M002"));
  REQUIRE(v.ok());
  CHECK(v->customer_signature->voided);
  CHECK(v->customer_signature->voided_by == "M002");
  CHECK(v->customer_signature->strokes == r.customer_signature->strokes);  // kept, greyed
  CHECK(v->meta.history.back().action == "void_signature");
  CHECK(v->meta.revision == r.meta.revision + 1);
  CHECK_FALSE(void_signature(v.value(), "customer_signature", "再次", actor_as(Role::supervisor)).ok());

  // A voided signature no longer counts: the record needs a new one.
  Repair d = v.value();
  d.work_done += "。";
  CHECK(mentions(edit_checked(v.value(), d, actor_as(Role::receptionist)).errors(), "customer_signature", "签字"));
  d.customer_signature = drawn_signature("张女士", morning() + kHour);
  CHECK(edit_checked(v.value(), d, actor_as(Role::receptionist)).ok());
}

TEST_CASE("signature: both journal readers read it back; records written before it existed still read") {
  const Repair r = accepted_repair();
  const std::string line = record_to_json(r).dump();
  for (bool fast : {true, false}) {
    auto back = read_back(line, fast);
    REQUIRE(back);
    CHECK(*back == r);
  }
  // A line from before issue 15: no signature fields at all.
  json old = record_to_json(r);
  for (const char* k : {"customer_signature", "technician_signature", "agreement_signature"}) old["data"].erase(k);
  old["data"]["status"] = "finished";
  for (bool fast : {true, false}) {
    auto back = read_back(old.dump(), fast);
    REQUIRE(back);
    CHECK_FALSE(back->customer_signature);
  }
  // A malformed signature in a stored line: neither reader takes it.
  json bad = record_to_json(r);
  bad["data"]["customer_signature"]["strokes"][0]["p"][0] = 100000;
  for (bool fast : {true, false}) CHECK_FALSE(read_back(bad.dump(), fast));
}

TEST_CASE("signature: import refuses a malformed or oversized signature with a message") {
  Dataset data;
  data.table<Repair>().upsert(accepted_repair());
  const std::string good = export_document(data, {});
  REQUIRE(parse_export(good).ok());

  auto with = [&](auto mutate) {
    json doc = json::parse(good);
    mutate(doc["records"][0]["data"]["customer_signature"]);
    return parse_export(doc.dump());
  };
  auto outside = with([](json& s) { s["strokes"][0]["p"][1] = -3; });
  REQUIRE_FALSE(outside.ok());
  CHECK(outside.errors().front().where.find("customer_signature") != std::string::npos);
  CHECK(outside.errors().front().message.zh.find("超出签字框") != std::string::npos);

  auto huge = with([](json& s) {
    s["strokes"] = json::array();
    for (int k = 0; k < 10; ++k) {
      json p = json::array();
      for (int i = 0; i < 100; ++i) p.insert(p.end(), {i, 10 + k, 5});
      s["strokes"].push_back({{"p", p}});
    }
  });
  REQUIRE_FALSE(huge.ok());
  CHECK(huge.errors().front().message.zh.find("签字过大") != std::string::npos);

  auto not_numbers = with([](json& s) { s["strokes"][0]["p"] = "M0 0 L10 10"; });
  REQUIRE_FALSE(not_numbers.ok());
}

TEST_CASE("signature: drawn as an SVG path in pad units") {
  const Signature s = drawn_signature();
  CHECK(signature_path(s) == "M40 120 L80 60 L120 130 M150 90 L260 92");
  const std::string svg = signature_svg(s, 60);
  CHECK(svg.find("viewBox=\"0 0 600 200\"") != std::string::npos);
  CHECK(svg.find("<path d=\"M40 120") != std::string::npos);
  CHECK(svg.find("width:60mm;height:20mm") != std::string::npos);
}

TEST_CASE("signature: the key's return may be signed too, and is then kept") {
  KeyLoan k;
  k.key = "3栋-1201";
  k.borrower = "李师傅";
  k.phone = "13800001111";
  k.purpose = "装修";
  k.out_at = morning();
  k.expected_return = morning() + 8 * kHour;
  k.lent_by = "S001";
  auto stored = create_checked(k, actor_as(Role::receptionist));
  REQUIRE(stored.ok());
  KeyLoan d = stored.value();
  d.power_off = d.windows_closed = true;
  d.return_signature = drawn_signature("李师傅");
  auto back = perform(stored.value(), d, KeyLoanAction::give_back, actor_as(Role::receptionist));
  REQUIRE(back.ok());
  d = back.value();
  d.return_signature->signer = "王五";
  CHECK_FALSE(edit_checked(back.value(), d, actor_as(Role::receptionist)).ok());
}
