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
