// Staff sign-in (SPEC "Staff, roles, audit"): salted slow PIN hash, lockout.
#include "core/staff.hpp"

#include <catch2/catch.hpp>

#include "core/crypto.hpp"
#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

namespace {
const std::uint8_t kSalt[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
Staff clerk(const std::string& code = "S001", const std::string& pin = "246813") {
  Staff s;
  s.code = code;
  s.name = "周敏";
  s.role = Role::receptionist;
  return with_pin(s, pin, kSalt, kPinIterationsMin).value();  // the fewest iterations a record may carry: fast tests
}
}  // namespace

TEST_CASE("crypto: SHA-256 and PBKDF2-HMAC-SHA-256 match the published vectors") {
  CHECK(to_hex(sha256("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(to_hex(sha256("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(to_hex(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  // RFC 7914 §11 and the widely used RFC 6070-style SHA-256 vectors.
  CHECK(to_hex(pbkdf2_sha256("passwd", "salt", 1, 64)) ==
        "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
        "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
  CHECK(to_hex(pbkdf2_sha256("password", "salt", 1, 32)) ==
        "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b");
  CHECK(to_hex(pbkdf2_sha256("password", "salt", 4096, 32)) ==
        "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a");
}

TEST_CASE("staff: the PIN is stored only as a salted hash") {
  const Staff s = clerk();
  CHECK(s.pin_hash.size() == 64);
  CHECK(s.pin_hash.find("246813") == std::string::npos);
  CHECK(s.pin_salt == "0102030405060708090a0b0c0d0e0f10");
  CHECK(pin_matches(s, "246813"));
  CHECK_FALSE(pin_matches(s, "246814"));
  // The same PIN with another salt gives another hash.
  const std::uint8_t other[16] = {9};
  Staff t = s;
  CHECK(with_pin(t, "246813", other, kPinIterationsMin)->pin_hash != s.pin_hash);
  CHECK(kPinIterations >= 10'000);
  CHECK_FALSE(with_pin(t, "12a456", kSalt).ok());
  CHECK_FALSE(with_pin(t, "123", kSalt).ok());
  CHECK_FALSE(with_pin(t, "123456789", kSalt).ok());
}

TEST_CASE("staff: 5 wrong PINs lock the staff number for 5 minutes") {
  const std::vector<Staff> staff = {clerk("S001"), clerk("S002", "135792")};
  SignInGuard guard;
  const Timestamp t0 = morning();
  for (int i = 1; i <= 4; ++i) {
    auto r = sign_in(staff, "S001", "0000", guard, t0 + i * 1000);
    REQUIRE_FALSE(r.ok());
    CHECK(r.errors().front().message.zh.find("还可再试 " + std::to_string(5 - i) + " 次") != std::string::npos);
  }
  auto fifth = sign_in(staff, "S001", "0000", guard, t0 + 5000);
  REQUIRE_FALSE(fifth.ok());
  CHECK(fifth.errors().front().message.zh.find("锁定") != std::string::npos);
  // Locked: even the right PIN is refused until five minutes have passed.
  CHECK_FALSE(sign_in(staff, "S001", "246813", guard, t0 + (5000 + kLockout - 1)).ok());
  // Another staff member is not affected.
  CHECK(sign_in(staff, "S002", "135792", guard, t0 + 6000).ok());
  auto after = sign_in(staff, "S001", "246813", guard, t0 + 5000 + kLockout);
  REQUIRE(after.ok());
  CHECK(after->code == "S001");
  CHECK(guard.by_code["S001"].failures == 0);
}

TEST_CASE("staff: success clears the count; inactive or deleted staff cannot sign in") {
  std::vector<Staff> staff = {clerk("S001")};
  SignInGuard guard;
  for (int i = 0; i < 4; ++i) CHECK_FALSE(sign_in(staff, "S001", "1111", guard, morning()).ok());
  CHECK(sign_in(staff, "S001", "246813", guard, morning()).ok());
  for (int i = 0; i < 4; ++i) CHECK_FALSE(sign_in(staff, "S001", "1111", guard, morning()).ok());
  CHECK(sign_in(staff, "S001", "246813", guard, morning()).ok());  // not locked: the count restarted
  staff[0].active = false;
  CHECK_FALSE(sign_in(staff, "S001", "246813", guard, morning()).ok());
  CHECK_FALSE(sign_in(staff, "NOBODY", "246813", guard, morning()).ok());
}

TEST_CASE("staff: only managers manage the staff list; the actor carries the role") {
  CHECK_FALSE(create_checked(clerk(), actor_as(Role::supervisor)).ok());
  auto s = create_checked(clerk(), actor_as(Role::center_manager));
  REQUIRE(s.ok());
  const Actor a = actor_for(s.value(), "site-A", morning(), {});
  CHECK(a.role == Role::receptionist);
  CHECK(a.staff == "S001");
}
