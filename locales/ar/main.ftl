app-name = كلنا معك
app-tagline = كلنا معكِ
app-version = الإصدار { $version }
language-label = اللغة
status-heading = هذا الجهاز
status-loading = جارٍ التحقق…
status-storage-ready = التخزين على هذا الجهاز جاهز ومحمي
status-storage-version = إصدار التخزين { $version }
home-waiting = { $count ->
    [zero] لا شيء في انتظار الإرسال
    [one] عنصر واحد في انتظار الإرسال
    [two] عنصران في انتظار الإرسال
    [few] { $count } عناصر في انتظار الإرسال
    [many] { $count } عنصرًا في انتظار الإرسال
   *[other] { $count } عنصر في انتظار الإرسال
}
service-reachable = خدمة الاستماع متاحة
service-unreachable = تعذّر الوصول إلى خدمة الاستماع الآن. كل شيء محفوظ بأمان على هذا الجهاز.
service-unknown = لم يتم الاتصال بخدمة الاستماع بعد
service-not-configured = لم تُضبط أي خدمة استماع على هذا الجهاز
error-storage = تعذّر فتح التخزين على هذا الجهاز. لم يُحذف أي شيء.
error-generic = حدث خطأ. يُرجى المحاولة مرة أخرى.
panic-button = نجدة
panic-button-label = زر الإنذار: اضغطي مطوّلًا لمدة ثانيتين لإرسال إنذار
panic-hold-hint = اضغطي مطوّلًا لمدة ثانيتين
panic-countdown = { $count ->
    [zero] يُرسَل الإنذار الآن
    [one] يُرسَل الإنذار بعد ثانية واحدة
    [two] يُرسَل الإنذار بعد ثانيتين
    [few] يُرسَل الإنذار بعد { $count } ثوانٍ
    [many] يُرسَل الإنذار بعد { $count } ثانية
   *[other] يُرسَل الإنذار بعد { $count } ثانية
}
panic-cancel = إلغاء
panic-sending = جارٍ حفظ الإنذار…
panic-saved = حُفظ الإنذار على هذا الهاتف. سيُرسَل فور توفّر الاتصال.
panic-failed = تعذّر حفظ الإنذار. اتصلي بالرقم 19 (الشرطة) أو 8350.
pin-setup-heading = احمي هذا التطبيق برمز سري
pin-setup-hint = بدون رمزك السري لا يستطيع أحد قراءة ما تكتبينه هنا. زر النجدة يعمل حتى والتطبيق مقفل.
pin-label = الرمز السري
pin-again-label = الرمز السري نفسه مرة أخرى
pin-save = حفظ الرمز السري
pin-too-short = يتكوّن الرمز السري من 4 أحرف على الأقل
pin-mismatch = الرمزان غير متطابقين
unlock-heading = أدخلي رمزك السري
unlock-button = فتح
wrong-pin = رمز سري خاطئ
pin-wait = { $count ->
    [zero] محاولات كثيرة. حاولي الآن.
    [one] محاولات كثيرة. انتظري ثانية واحدة.
    [two] محاولات كثيرة. انتظري ثانيتين.
    [few] محاولات كثيرة. انتظري { $count } ثوانٍ.
    [many] محاولات كثيرة. انتظري { $count } ثانية.
   *[other] محاولات كثيرة. انتظري { $count } ثانية.
}
lock-heading = التطبيق مفتوح
lock-button = قفل الآن
quick-exit = خروج
quick-exit-label = خروج سريع: إخفاء التطبيق فورًا (مفتاح Escape)
disguise-toggle = فتح التطبيق في شكل آلة حاسبة
disguise-hint = للعودة من الآلة الحاسبة، اكتبي رمزك السري ثم =
