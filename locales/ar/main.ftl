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
