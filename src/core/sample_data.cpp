#include "core/sample_data.hpp"

namespace desk {

std::uint64_t SampleRng::next() {
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

RandomBits SampleRng::bits() {
  RandomBits b{};
  for (auto& x : b) x = static_cast<std::uint8_t>(next());
  return b;
}

namespace {

const char* const kNames[] = {"王珺", "李强", "张敏", "刘洋", "陈静", "杨帆", "赵磊", "黄丽", "周杰", "吴芳"};
const char* const kMatters[] = {"电梯异响", "楼道灯不亮", "夜间噪音", "水压偏低", "垃圾清运不及时", "车位被占"};
const char* const kQuestions[] = {"询问本月水费为何比上月高", "咨询装修申请需要哪些材料", "询问停车月卡办理",
                                  "询问快递代收时间",         "咨询房屋出租登记",         "询问小区开放时间"};
const char* const kFaults[] = {"厨房水龙头漏水", "卫生间下水堵塞", "客厅灯不亮", "入户门锁损坏", "空调不制冷"};

struct Gen {
  SampleRng rng;
  const SampleOptions& o;
  template <class T, std::size_t N>
  const T& pick(const T (&a)[N]) {
    return a[rng.below(static_cast<int>(N))];
  }
  Timestamp when() {
    const int days = days_in_month(o.year, o.month);
    return from_civil({o.year, o.month, 1 + rng.below(days), 8 + rng.below(10), rng.below(60)});
  }
  // Two draws in two statements: inside one expression their order is the
  // compiler's choice (g++ drew the right one first, clang the left), and the
  // same options must give the same records on every platform.
  std::string unit() {
    const int room = 101 + rng.below(2000);
    const int building = 1 + rng.below(12);
    return std::to_string(building) + "栋-" + std::to_string(room);
  }
  std::string phone() { return "13" + std::to_string(100000000 + rng.below(899999999)); }
  std::string staff() { return "S00" + std::to_string(1 + rng.below(6)); }
  Actor actor(Timestamp t) { return Actor{staff(), o.site, t, rng.bits(), Role::project_manager}; }
};

// The generator's case for a record type (`SampleOptions::only`).
int kind_of(const std::string& type) {
  if (type == Complaint::kType) return 2;
  if (type == Repair::kType) return 3;
  if (type == KeyLoan::kType) return 5;
  return 0;  // visits
}

}  // namespace

Dataset sample_dataset(const SampleOptions& o) {
  Gen g{SampleRng(o.seed), o};
  Dataset data;
  for (std::size_t i = 0; i < o.records; ++i) {
    const Timestamp t = g.when();
    const Actor a = g.actor(t);
    switch (o.only.empty() ? g.rng.below(6) : kind_of(o.only)) {
      case 0:
      case 1: {
        Visit v;
        v.time = t;
        v.visitor_name = g.pick(kNames);
        v.unit = g.unit();
        v.phone = g.phone();
        v.content = g.pick(kQuestions);
        v.received_by = a.staff;
        v.outcome = g.rng.below(5) == 0 ? VisitOutcome::promised_24h : VisitOutcome::answered_on_spot;
        if (v.outcome == VisitOutcome::answered_on_spot) v.answer = "已当场答复";
        data.table<Visit>().upsert(create_record(v, a));
        break;
      }
      case 2: {
        Complaint c;
        c.received_at = t;
        c.complainant = g.pick(kNames);
        c.unit = g.unit();
        c.phone = g.phone();
        c.type = static_cast<ComplaintType>(g.rng.below(4));
        c.matter = g.pick(kMatters);
        c.content = c.matter;
        c.received_by = a.staff;
        data.table<Complaint>().upsert(create_record(c, a));
        break;
      }
      case 3:
      case 4: {
        Repair r;
        r.received_at = t;
        r.requester = g.pick(kNames);
        r.unit = g.unit();
        r.phone = g.phone();
        r.fault = static_cast<FaultType>(g.rng.below(9));
        r.description = g.pick(kFaults);
        r.received_by = a.staff;
        r.urgency = g.rng.below(8) == 0 ? Urgency::emergency : Urgency::normal;
        if (g.rng.below(2)) {
          r.status = RepairStatus::accepted;
          r.technician = "T00" + std::to_string(1 + g.rng.below(4));
          r.appointment = r.dispatched_at = t + 10 * kMinute;
          r.arrived_at = t + (5 + g.rng.below(30)) * kMinute;
          r.finished_at = *r.arrived_at + kHour;
          r.accepted_at = *r.finished_at + 5 * kMinute;
          r.work_done = "已修复";
          r.signed_by = r.requester;
          r.customer_signature = paper_signature(r.requester, *r.accepted_at, "PD-" + std::to_string(1000 + i));
        }
        data.table<Repair>().upsert(create_record(r, a));
        break;
      }
      default: {
        KeyLoan k;
        k.key = g.unit();
        k.borrower = g.pick(kNames);
        k.purpose = "查看渗水";
        k.out_at = t;
        k.expected_return = t + 2 * kHour;
        k.lent_by = a.staff;
        if (g.rng.below(4)) {
          k.status = KeyLoanStatus::returned;
          k.returned_at = t + (60 + g.rng.below(120)) * kMinute;
          k.power_off = k.windows_closed = true;
        }
        data.table<KeyLoan>().upsert(create_record(k, a));
      }
    }
  }
  return data;
}

}  // namespace desk
