app-name = كلنا معاك
app-tagline = كلنا معاكي
app-version = النسخة { $version }
language-label = اللغة
status-heading = هاد التيليفون
status-loading = كنتأكدو…
status-storage-ready = الحفظ فهاد التيليفون واجد ومحمي
status-storage-version = نسخة الحفظ { $version }
home-waiting = { $count ->
    [zero] حتى حاجة ما كتسنى تتصيفط
    [one] حاجة وحدة كتسنى تتصيفط
    [two] جوج حوايج كيتسناو يتصيفطو
    [few] { $count } حوايج كيتسناو يتصيفطو
    [many] { $count } حاجة كيتسناو يتصيفطو
   *[other] { $count } حاجة كيتسناو يتصيفطو
}
service-reachable = خدمة الإنصات موجودة
service-unreachable = ما قدرناش نوصلو لخدمة الإنصات دابا. كلشي محفوظ مزيان فهاد التيليفون.
service-unknown = مازال ما تواصلناش مع خدمة الإنصات
service-not-configured = حتى شي خدمة ديال الإنصات ما مقادة فهاد التيليفون
error-storage = ما قدرناش نحلو الحفظ فهاد التيليفون. حتى حاجة ما تمسحات.
error-generic = وقع شي مشكل. عاودي جربي.
panic-button = عتقوني
panic-button-label = بوطونة الإنذار: ضغطي عليها وخليها جوج ثواني باش تصيفطي إنذار
panic-hold-hint = ضغطي وخلي صبعك جوج ثواني
panic-countdown = { $count ->
    [zero] الإنذار كيتصيفط دابا
    [one] الإنذار غادي يتصيفط من هنا ثانية
    [two] الإنذار غادي يتصيفط من هنا جوج ثواني
    [few] الإنذار غادي يتصيفط من هنا { $count } ثواني
    [many] الإنذار غادي يتصيفط من هنا { $count } ثانية
   *[other] الإنذار غادي يتصيفط من هنا { $count } ثانية
}
panic-cancel = بلاش
panic-sending = كنحفظو الإنذار…
panic-saved = الإنذار تحفظ فهاد التيليفون. غادي يتصيفط غير يكون الريزو.
panic-failed = ما قدرناش نحفظو الإنذار. عيطي ل 19 (البوليس) ولا 8350.
pin-setup-heading = حمي هاد التطبيق بكود سري
pin-setup-hint = بلا الكود ديالك حتى واحد ما يقدر يقرا داكشي اللي كتبتي هنا. بوطونة النجدة خدامة حتى والتطبيق مسدود.
pin-label = الكود السري
pin-again-label = نفس الكود عاوتاني
pin-save = سجلي الكود
pin-too-short = الكود خاصو يكون فيه 4 ديال الحروف على الأقل
pin-mismatch = الجوج كودات ماشي بحال بحال
unlock-heading = دخلي الكود ديالك
unlock-button = حلي
wrong-pin = الكود غالط
pin-wait = { $count ->
    [zero] بزاف ديال المحاولات. جربي دابا.
    [one] بزاف ديال المحاولات. تسناي ثانية.
    [two] بزاف ديال المحاولات. تسناي جوج ثواني.
    [few] بزاف ديال المحاولات. تسناي { $count } ثواني.
    [many] بزاف ديال المحاولات. تسناي { $count } ثانية.
   *[other] بزاف ديال المحاولات. تسناي { $count } ثانية.
}
lock-heading = التطبيق محلول
lock-button = سدي دابا
quick-exit = خرجي
quick-exit-label = خروج بالزربة: خبي التطبيق دابا (بوطونة Escape)
disguise-toggle = حلي التطبيق بحال شي كالكولاتريس
disguise-hint = باش ترجعي من الكالكولاتريس، كتبي الكود ديالك ومن بعد =
