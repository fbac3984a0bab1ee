package benchsite

// The text pools. Entries with the same index in zh, ru and en are
// translations of one another, so the three files of a release say the same
// thing. Placeholders in braces are filled per release (see release.vars).

type city struct {
	slug  string
	name  map[string]string
	venue map[string]string
}

var cities = []city{
	{"harbin", m3("哈尔滨", "Харбин", "Harbin"), m3("哈尔滨国际会展中心", "Харбинский международный выставочный центр", "Harbin International Convention and Exhibition Center")},
	{"moscow", m3("莫斯科", "Москва", "Moscow"), m3("莫斯科世纪博览中心", "Экспоцентр", "Expocentre")},
	{"vladivostok", m3("符拉迪沃斯托克", "Владивосток", "Vladivostok"), m3("远东联邦大学", "Дальневосточный федеральный университет", "Far Eastern Federal University")},
	{"beijing", m3("北京", "Пекин", "Beijing"), m3("国家会议中心", "Национальный конференц-центр", "China National Convention Center")},
	{"shanghai", m3("上海", "Шанхай", "Shanghai"), m3("国家会展中心（上海）", "Национальный выставочный центр в Шанхае", "National Exhibition and Convention Center (Shanghai)")},
	{"kazan", m3("喀山", "Казань", "Kazan"), m3("喀山博览会国际展览中心", "МВЦ «Казань Экспо»", "Kazan Expo International Exhibition Centre")},
	{"novosibirsk", m3("新西伯利亚", "Новосибирск", "Novosibirsk"), m3("新西伯利亚博览中心", "МВК «Новосибирск Экспоцентр»", "Novosibirsk Expocentre")},
	{"heihe", m3("黑河", "Хэйхэ", "Heihe"), m3("黑河国际会展中心", "Международный выставочный центр Хэйхэ", "Heihe International Exhibition Center")},
	{"blagoveshchensk", m3("布拉戈维申斯克", "Благовещенск", "Blagoveshchensk"), m3("阿穆尔州国立大学", "Амурский государственный университет", "Amur State University")},
	{"manzhouli", m3("满洲里", "Маньчжурия", "Manzhouli"), m3("满洲里国际会展中心", "Международный выставочный центр Маньчжурии", "Manzhouli International Exhibition Center")},
	{"yekaterinburg", m3("叶卡捷琳堡", "Екатеринбург", "Yekaterinburg"), m3("叶卡捷琳堡博览会展中心", "МВЦ «Екатеринбург-Экспо»", "Yekaterinburg-Expo")},
	{"saint-petersburg", m3("圣彼得堡", "Санкт-Петербург", "Saint Petersburg"), m3("圣彼得堡博览会展中心", "КВЦ «Экспофорум»", "Expoforum")},
	{"dalian", m3("大连", "Далянь", "Dalian"), m3("大连世界博览广场", "Выставочный центр Даляня", "Dalian World Expo Center")},
	{"jinhua", m3("金华", "Цзиньхуа", "Jinhua"), m3("金华国际会展中心", "Международный выставочный центр Цзиньхуа", "Jinhua International Convention Center")},
	{"khabarovsk", m3("哈巴罗夫斯克", "Хабаровск", "Khabarovsk"), m3("哈巴罗夫斯克体育文化中心", "КСК «Платинум Арена»", "Platinum Arena")},
	{"suifenhe", m3("绥芬河", "Суйфэньхэ", "Suifenhe"), m3("绥芬河国际商贸城", "Международный торговый центр Суйфэньхэ", "Suifenhe International Trade City")},
	{"irkutsk", m3("伊尔库茨克", "Иркутск", "Irkutsk"), m3("西伯利亚博览中心", "МВК «Сибэкспоцентр»", "Sibexpocentre")},
	{"urumqi", m3("乌鲁木齐", "Урумчи", "Urumqi"), m3("新疆国际会展中心", "Синьцзянский международный выставочный центр", "Xinjiang International Exhibition Center")},
}

type tagInfo struct {
	key   string
	label map[string]string
}

// tags are the tag keys releases use; the first eight are the sample site's.
var tags = []tagInfo{
	{"culture", m3("人文交流", "Культура", "Culture")},
	{"energy", m3("能源", "Энергетика", "Energy")},
	{"expo", m3("博览会", "Выставки", "Expos")},
	{"regions", m3("地方合作", "Регионы", "Regions")},
	{"sme", m3("中小企业", "Малый и средний бизнес", "SMEs")},
	{"tourism", m3("旅游", "Туризм", "Tourism")},
	{"trade", m3("经贸", "Торговля", "Trade")},
	{"youth", m3("青年", "Молодёжь", "Youth")},
	{"education", m3("教育", "Образование", "Education")},
	{"science", m3("科技", "Наука", "Science")},
	{"sport", m3("体育", "Спорт", "Sport")},
	{"media", m3("媒体", "СМИ", "Media")},
	{"logistics", m3("物流", "Логистика", "Logistics")},
	{"agriculture", m3("农业", "Сельское хозяйство", "Agriculture")},
	{"investment", m3("投资", "Инвестиции", "Investment")},
	{"health", m3("医疗卫生", "Здравоохранение", "Health")},
}

// kind is a sort of release: its title, lead sentence, event name and tags.
type kind struct {
	slug  string
	tags  []string // always given
	more  []string // one or two of these are added
	event bool     // usually announces an event
	title map[string]string
	lead  map[string]string
	name  map[string]string // the event's name
}

var kinds = []kind{
	{"expo-opens", []string{"expo", "trade"}, []string{"regions", "investment", "agriculture", "logistics"}, true,
		m3("第{ord}届中俄博览会在{city}开幕", "{city}: открылось {ord}-е Российско-Китайское ЭКСПО", "{ordEn} China–Russia Expo opens in {city}"),
		m3("第{ord}届中俄博览会今天在{venue}开幕，来自{countries}个国家和地区的{companies}家企业参展。", "Сегодня в комплексе «{venue}» открылось {ord}-е Российско-Китайское ЭКСПО: в нём участвуют {companies} компаний из {countries} стран и регионов.", "The {ordEn} China–Russia Expo opened today at the {venue}, with {companies} companies from {countries} countries and regions taking part."),
		m3("第{ord}届中俄博览会", "{ord}-е Российско-Китайское ЭКСПО", "{ordEn} China–Russia Expo")},
	{"regional-forum", []string{"regions"}, []string{"trade", "investment", "logistics"}, true,
		m3("中俄地方合作论坛在{city}举行", "{city}: прошёл форум межрегионального сотрудничества", "{city} hosts China–Russia regional cooperation forum"),
		m3("第{ord}届中俄地方合作论坛今天在{city}举行，两国{regions}个地区的代表出席。", "Сегодня в городе {city} прошёл {ord}-й форум межрегионального сотрудничества России и Китая; в нём участвуют представители {regions} регионов двух стран.", "The {ordEn} China–Russia regional cooperation forum met in {city} today, bringing together representatives of {regions} regions of both countries."),
		m3("中俄地方合作论坛", "Форум межрегионального сотрудничества", "China–Russia Regional Cooperation Forum")},
	{"sme-round-table", []string{"sme"}, []string{"trade", "youth", "investment"}, true,
		m3("中俄中小企业圆桌会议在{city}举行", "{city}: круглый стол малого и среднего бизнеса России и Китая", "SME round table of China and Russia meets in {city}"),
		m3("来自两国的{companies}家中小企业今天在{city}参加圆桌会议，讨论跨境电商和支付合作。", "Сегодня в городе {city} {companies} малых и средних компаний двух стран обсудили за круглым столом трансграничную электронную торговлю и платежи.", "{companies} small and medium-sized companies from both countries met in {city} today to discuss cross-border e-commerce and payments."),
		m3("中俄中小企业圆桌会议", "Круглый стол малого и среднего бизнеса", "China–Russia SME Round Table")},
	{"culture-festival", []string{"culture"}, []string{"tourism", "youth", "media"}, true,
		m3("中俄文化节在{city}开幕", "{city}: начался фестиваль российско-китайской культуры", "China–Russia culture festival opens in {city}"),
		m3("为期{days}天的中俄文化节今天在{city}开幕，音乐会、展览和电影放映将吸引约{visitors}名观众。", "Сегодня в городе {city} начался {days}-дневный фестиваль российско-китайской культуры: концерты, выставки и кинопоказы ждут около {visitors} зрителей.", "A {days}-day China–Russia culture festival opened in {city} today; concerts, exhibitions and film screenings are expected to draw some {visitors} visitors."),
		m3("中俄文化节", "Фестиваль российско-китайской культуры", "China–Russia Culture Festival")},
	{"trade-figures", []string{"trade"}, []string{"energy", "agriculture", "logistics"}, false,
		m3("{year}年中俄贸易额达到{billions}亿美元", "Товарооборот России и Китая за {year} год составил {billions} млрд долларов", "China–Russia trade reached ${billions} billion in {year}"),
		m3("据海关统计，{year}年中俄双边贸易额达到{billions}亿美元，同比增长{growth}%。", "По данным таможенной статистики, товарооборот России и Китая в {year} году составил {billions} млрд долларов, что на {growth}% больше, чем годом ранее.", "Customs figures show that trade between China and Russia reached ${billions} billion in {year}, up {growth}% on the year before."),
		m3("中俄经贸统计发布会", "Пресс-конференция о торговой статистике", "Trade figures briefing")},
	{"energy-agreements", []string{"energy"}, []string{"investment", "trade", "science"}, false,
		m3("中俄能源合作项目在{city}签约", "{city}: подписаны соглашения об энергетическом сотрудничестве", "Energy cooperation agreements signed in {city}"),
		m3("中俄两国企业今天在{city}签署了{deals}项能源合作协议，总金额约{billions}亿美元。", "Сегодня в городе {city} компании двух стран подписали {deals} соглашений об энергетическом сотрудничестве на сумму около {billions} млрд долларов.", "Companies from both countries signed {deals} energy cooperation agreements worth about ${billions} billion in {city} today."),
		m3("中俄能源商务论坛", "Российско-китайский энергетический бизнес-форум", "China–Russia Energy Business Forum")},
	{"youth-games", []string{"youth", "sport"}, []string{"culture", "education"}, true,
		m3("中俄青少年运动会在{city}闭幕", "{city}: завершились Российско-Китайские молодёжные игры", "China–Russia Youth Games close in {city}"),
		m3("第{ord}届中俄青少年运动会今天在{city}闭幕，{athletes}名运动员参加了{sports}个项目的比赛。", "Сегодня в городе {city} завершились {ord}-е Российско-Китайские молодёжные игры: {athletes} спортсменов состязались в {sports} видах спорта.", "The {ordEn} China–Russia Youth Games closed in {city} today after {athletes} athletes competed in {sports} sports."),
		m3("第{ord}届中俄青少年运动会", "{ord}-е Российско-Китайские молодёжные игры", "{ordEn} China–Russia Youth Games")},
	{"film-week", []string{"culture", "media"}, []string{"tourism", "youth"}, true,
		m3("中俄电影周在{city}举行", "{city}: открылась неделя российского и китайского кино", "China–Russia film week opens in {city}"),
		m3("中俄电影周今天在{city}开幕，将放映两国导演的{films}部新片。", "Сегодня в городе {city} открылась неделя российского и китайского кино: зрители увидят {films} новых фильмов режиссёров двух стран.", "A China–Russia film week opened in {city} today with {films} new films by directors from both countries."),
		m3("中俄电影周", "Неделя российского и китайского кино", "China–Russia Film Week")},
	{"freight-route", []string{"logistics"}, []string{"trade", "regions", "investment"}, false,
		m3("{city}新跨境货运线路开通", "{city}: открыт новый трансграничный грузовой маршрут", "New cross-border freight route opens in {city}"),
		m3("连接{city}和{city2}的新跨境货运线路今天开通，每周将开行{trains}列货运班列。", "Сегодня открыт новый трансграничный грузовой маршрут между городами {city} и {city2}: по нему будут ходить {trains} поездов в неделю.", "A new cross-border freight route between {city} and {city2} opened today, with {trains} trains a week."),
		m3("跨境货运线路开通仪式", "Церемония открытия грузового маршрута", "Freight route opening ceremony")},
	{"rectors-forum", []string{"education", "science"}, []string{"youth", "regions"}, true,
		m3("中俄大学校长论坛在{city}召开", "{city}: прошёл форум ректоров вузов России и Китая", "Rectors' forum of Russian and Chinese universities meets in {city}"),
		m3("来自两国{universities}所高校的校长今天在{city}出席中俄大学校长论坛，签署了学生交流协议。", "Сегодня в городе {city} ректоры {universities} вузов двух стран собрались на форум и подписали соглашения об обмене студентами.", "Heads of {universities} universities from both countries met in {city} today and signed student exchange agreements."),
		m3("中俄大学校长论坛", "Форум ректоров вузов России и Китая", "Russian-Chinese Rectors' Forum")},
	{"health-conference", []string{"health", "science"}, []string{"investment", "education"}, true,
		m3("中俄医学合作大会在{city}举行", "{city}: прошла конференция по медицинскому сотрудничеству", "Medical cooperation conference held in {city}"),
		m3("中俄医学合作大会今天在{city}举行，{experts}名医生和研究人员交流了远程医疗的经验。", "Сегодня в городе {city} прошла конференция по медицинскому сотрудничеству: {experts} врачей и исследователей обменялись опытом телемедицины.", "A China–Russia medical cooperation conference met in {city} today, where {experts} doctors and researchers shared experience in telemedicine."),
		m3("中俄医学合作大会", "Конференция по медицинскому сотрудничеству", "China–Russia Medical Cooperation Conference")},
	{"agri-fair", []string{"agriculture", "trade"}, []string{"expo", "regions", "sme"}, true,
		m3("中俄农业博览会在{city}开幕", "{city}: открылась российско-китайская агропромышленная ярмарка", "China–Russia agricultural fair opens in {city}"),
		m3("中俄农业博览会今天在{city}开幕，{companies}家企业展示粮食、大豆、蜂蜜和乳制品。", "Сегодня в городе {city} открылась агропромышленная ярмарка: {companies} компаний показывают зерно, сою, мёд и молочную продукцию.", "A China–Russia agricultural fair opened in {city} today, where {companies} companies are showing grain, soybeans, honey and dairy products."),
		m3("中俄农业博览会", "Российско-китайская агропромышленная ярмарка", "China–Russia Agricultural Fair")},
}

// langText holds the words of one language.
type langText struct {
	homeTitle, homeIntro string
	newsTitle, newsIntro string
	headings             []string
	sentences            []string
	quotes               []string
	speakers             []string
	facts                []string // list items, "**label:** value"
	programme            []string // ordered list items
	tableHead            [2]string
	tableRows            []string // row labels; values come from the release
	linkText             string
	sources              []string
	months               []string
	date                 func(y, m, d int, months []string) string
	dateline             string // "{city}, {date}"
	quoteLead            string
}

var texts = map[string]*langText{
	"zh": {
		homeTitle: "中俄活动新闻中心",
		homeIntro: "中俄博览会、论坛、地方合作和经贸活动的新闻稿，以中文、俄文和英文发布。",
		newsTitle: "新闻",
		newsIntro: "关于中俄博览会、论坛、地方合作和贸易的新闻稿。",
		headings:  []string{"活动概况", "主要活动", "参会企业", "合作成果", "背景", "下一步安排", "媒体联系"},
		sentences: []string{
			"组委会表示，今年的活动规模超过往届，参会企业数量增长明显。",
			"两国代表在开幕式上致辞，强调务实合作是双边关系的重要基础。",
			"活动期间将举行{events}场专题论坛、商务对接会和签约仪式。",
			"展区总面积达{area}平方米，设有装备制造、农业食品、能源化工和文化旅游等展区。",
			"来自{regions}个地区的代表团参加了活动，其中多个代表团由地方主要领导率领。",
			"主办方介绍，线上平台同步开放，海外采购商可以通过视频与参展企业洽谈。",
			"与会者认为，物流通道和结算体系的完善为企业合作创造了更好的条件。",
			"多家企业在现场签署了合作意向书，涉及农产品、木材加工和机械制造等领域。",
			"青年创业者展区首次设立，集中展示两国大学生的创新项目。",
			"{city}市政府负责人表示，将为来访企业提供通关、签证和住宿方面的便利。",
			"据统计，活动首日接待专业观众{visitors}人次，现场成交额约{millions}百万元。",
			"媒体中心为{journalists}名中外记者提供采访服务，并每天发布活动信息。",
			"主办方还组织了城市参观、非遗展示和美食节等配套活动。",
			"专家指出，数字经济、绿色能源和跨境电商将成为下一阶段合作的重点。",
			"本次活动由两国相关部门和{city}所在地方政府共同主办。",
			"更多信息请访问活动官方网站或关注主办方的社交媒体账号。",
		},
		quotes: []string{
			"这次活动让我们的企业找到了新的合作伙伴，也看到了更广阔的市场。",
			"地方合作是中俄关系中最有活力的部分，我们愿意继续扩大交流。",
			"我们希望把今天签署的协议尽快落实为具体项目。",
			"年轻人的参与让两国合作充满希望。",
		},
		speakers: []string{"组委会主席王建国", "地方政府副主席李明", "商会会长张伟", "参展企业代表陈静"},
		facts: []string{
			"**时间：** {dates}",
			"**地点：** {venue}",
			"**参展企业：** {companies}家",
			"**国家和地区：** {countries}个",
			"**展区面积：** {area}平方米",
			"**专题活动：** {events}场",
			"**预计观众：** {visitors}人次",
		},
		programme: []string{"开幕式和全体会议", "地方合作论坛", "企业对接会", "签约仪式", "文化交流活动", "闭幕式和新闻发布会"},
		tableHead: [2]string{"指标", "数值"},
		tableRows: []string{"参展企业", "参会代表", "签约项目", "成交额（百万元）", "媒体记者"},
		linkText:  "官方网站",
		sources:   []string{"新华社", "中国日报", "人民网", "环球时报"},
		date:      func(y, m, d int, _ []string) string { return itoa(y) + "年" + itoa(m) + "月" + itoa(d) + "日" },
		dateline:  "**{city}，{date}** —— ",
		quoteLead: "—— ",
	},
	"ru": {
		homeTitle: "Пресс-служба российско-китайских мероприятий",
		homeIntro: "Пресс-релизы о российско-китайских выставках, форумах, межрегиональном сотрудничестве и торговле на китайском, русском и английском языках.",
		newsTitle: "Новости",
		newsIntro: "Пресс-релизы о выставках, форумах, межрегиональном сотрудничестве и торговле России и Китая.",
		headings:  []string{"О мероприятии", "Основные события", "Участники", "Итоги сотрудничества", "Справка", "Что дальше", "Контакты для прессы"},
		sentences: []string{
			"По словам организаторов, в этом году мероприятие стало крупнее, чем прежде, а число участников заметно выросло.",
			"На церемонии открытия представители двух стран подчеркнули, что практическое сотрудничество остаётся основой двусторонних отношений.",
			"В программе — {events} тематических форумов, деловых встреч и церемоний подписания соглашений.",
			"Площадь экспозиции составляет {area} квадратных метров; работают разделы машиностроения, продовольствия, энергетики и туризма.",
			"В мероприятии участвуют делегации {regions} регионов, многие из них возглавляют первые лица.",
			"Организаторы открыли онлайн-платформу: зарубежные покупатели могут вести переговоры с участниками по видеосвязи.",
			"Участники отметили, что развитие логистических коридоров и расчётов создаёт лучшие условия для совместной работы компаний.",
			"Несколько компаний прямо на площадке подписали протоколы о намерениях в сферах сельского хозяйства, деревообработки и машиностроения.",
			"Впервые работает павильон молодых предпринимателей, где студенты двух стран показывают свои проекты.",
			"Руководство города {city} пообещало гостям помощь с таможенным оформлением, визами и размещением.",
			"В первый день мероприятие посетили {visitors} специалистов, объём сделок составил около {millions} млн юаней.",
			"Пресс-центр аккредитовал {journalists} российских и китайских журналистов и ежедневно публикует новости мероприятия.",
			"Для гостей подготовлены экскурсии по городу, выставка народных промыслов и гастрономический фестиваль.",
			"Эксперты считают, что цифровая экономика, зелёная энергетика и трансграничная торговля станут главными направлениями сотрудничества.",
			"Организаторами выступают профильные ведомства двух стран и власти региона, где находится город {city}.",
			"Подробности — на официальном сайте мероприятия и в социальных сетях организаторов.",
		},
		quotes: []string{
			"Благодаря этому мероприятию наши компании нашли новых партнёров и увидели гораздо более широкий рынок.",
			"Межрегиональное сотрудничество — самая живая часть российско-китайских отношений, и мы готовы расширять обмены.",
			"Мы хотим как можно скорее превратить подписанные сегодня соглашения в конкретные проекты.",
			"Участие молодёжи наполняет сотрудничество двух стран надеждой.",
		},
		speakers: []string{"председатель оргкомитета Ван Цзяньго", "заместитель губернатора Ли Мин", "президент торговой палаты Чжан Вэй", "представитель компании-участника Чэнь Цзин"},
		facts: []string{
			"**Даты:** {dates}",
			"**Место:** {venue}",
			"**Компании-участники:** {companies}",
			"**Страны и регионы:** {countries}",
			"**Площадь экспозиции:** {area} м²",
			"**Деловая программа:** {events} мероприятий",
			"**Ожидаемое число посетителей:** {visitors}",
		},
		programme: []string{"Церемония открытия и пленарное заседание", "Форум межрегионального сотрудничества", "Деловые встречи компаний", "Подписание соглашений", "Культурная программа", "Закрытие и пресс-конференция"},
		tableHead: [2]string{"Показатель", "Значение"},
		tableRows: []string{"Компании-участники", "Делегаты", "Подписанные проекты", "Объём сделок, млн юаней", "Журналисты"},
		linkText:  "официальном сайте",
		sources:   []string{"ТАСС", "РИА Новости", "Интерфакс", "Российская газета"},
		months:    []string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"},
		date: func(y, m, d int, months []string) string {
			return itoa(d) + " " + months[m-1] + " " + itoa(y) + " года"
		},
		dateline:  "**{city}, {date}** — ",
		quoteLead: "— ",
	},
	"en": {
		homeTitle: "China–Russia Events Press Office",
		homeIntro: "News releases on China–Russia expos, forums, regional cooperation and trade, published in Chinese, Russian and English.",
		newsTitle: "News",
		newsIntro: "Press releases on China–Russia expos, forums, regional cooperation and trade.",
		headings:  []string{"About the event", "Highlights", "Participants", "Results", "Background", "What comes next", "Media contacts"},
		sentences: []string{
			"The organisers said this year's event is larger than any before, with a marked rise in the number of participants.",
			"Speaking at the opening ceremony, representatives of both countries stressed that practical cooperation remains the foundation of bilateral relations.",
			"The programme includes {events} themed forums, business meetings and signing ceremonies.",
			"The exhibition covers {area} square metres, with halls for machinery, food, energy and tourism.",
			"Delegations from {regions} regions are taking part, many of them led by regional heads.",
			"An online platform is open alongside the event, so buyers abroad can talk to exhibitors by video.",
			"Participants said better logistics corridors and payment channels make it easier for companies to work together.",
			"Several companies signed letters of intent on site, covering agriculture, timber processing and machinery.",
			"A young entrepreneurs' pavilion appears for the first time, showing projects by students from both countries.",
			"The {city} city government promised visiting companies help with customs, visas and accommodation.",
			"On the first day {visitors} trade visitors attended and deals worth about {millions} million yuan were reached.",
			"The press centre accredited {journalists} journalists from both countries and publishes news of the event every day.",
			"City tours, a folk crafts exhibition and a food festival have been arranged for guests.",
			"Experts expect the digital economy, green energy and cross-border e-commerce to lead the next stage of cooperation.",
			"The event is organised by the relevant ministries of both countries and the regional government of {city}.",
			"More information is available on the event's official website and the organisers' social media accounts.",
		},
		quotes: []string{
			"This event helped our companies find new partners and see a much wider market.",
			"Regional cooperation is the liveliest part of China–Russia relations, and we are ready to widen our exchanges.",
			"We want to turn the agreements signed today into concrete projects as soon as possible.",
			"The young people taking part fill our cooperation with hope.",
		},
		speakers: []string{"Wang Jianguo, chair of the organising committee", "Li Ming, deputy governor", "Zhang Wei, president of the chamber of commerce", "Chen Jing, speaking for an exhibitor"},
		facts: []string{
			"**Dates:** {dates}",
			"**Venue:** {venue}",
			"**Exhibitors:** {companies}",
			"**Countries and regions:** {countries}",
			"**Exhibition area:** {area} m²",
			"**Business programme:** {events} events",
			"**Expected visitors:** {visitors}",
		},
		programme: []string{"Opening ceremony and plenary session", "Regional cooperation forum", "Business matchmaking", "Signing ceremony", "Cultural programme", "Closing and press conference"},
		tableHead: [2]string{"Indicator", "Value"},
		tableRows: []string{"Exhibitors", "Delegates", "Projects signed", "Deals, million yuan", "Journalists"},
		linkText:  "official website",
		sources:   []string{"Xinhua", "China Daily", "TASS", "Global Times"},
		months:    []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		date:      func(y, m, d int, months []string) string { return itoa(d) + " " + months[m-1] + " " + itoa(y) },
		dateline:  "**{city}, {date}** — ",
		quoteLead: "— ",
	},
}

func ordinalEn(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return itoa(n) + suffix
}

func m3(zh, ru, en string) map[string]string { return map[string]string{"zh": zh, "ru": ru, "en": en} }
