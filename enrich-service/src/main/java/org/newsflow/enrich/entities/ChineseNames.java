package org.newsflow.enrich.entities;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * People and organisations in Chinese text (simplified or traditional), which writes no spaces and no capitals:
 * <ul>
 * <li>a person is two to four characters right after a title or role (总统, 记者, 候选人 …), or starting with a
 * common surname and followed by a verb of saying or a title ("赖清德表示"); the name ends where a word boundary
 * follows — punctuation, a function character (的, 在, 对 …), a verb of saying — so the length is read from the
 * text, not guessed;</li>
 * <li>an organisation is a run of characters ending in a word that makes one (公司, 银行, 大学, 委员会, 党, 社 …),
 * starting after a boundary.</li>
 * </ul>
 * A lone surname-and-given-name form that starts a longer name found elsewhere counts for the longer name.
 */
final class ChineseNames {

    /** Common Chinese surnames, simplified and traditional; characters that are far more often words are left out. */
    private static final String SURNAMES = "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓"
            + "冯馮邓鄧曹彭曾肖蕭萧田董袁潘蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金廖贾賈夏韦韋"
            + "付邹鄒孟熊秦邱尹薛闫閻段雷侯史陶黎贺賀顾顧毛郝龚龔邵钱錢严嚴覃武戴莫孔汤湯温溫康施樊葛邢齐齊易乔喬伍"
            + "庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹欧歐耿焦俞柳甘祝包尚符舒阮柯纪紀梅童凌毕畢季裴霍涂苗盛翁冉骆駱蓝藍游"
            + "辛靳管柴蒙鲍鮑喻祁蒲房滕饶饒牟艾尤穆卓缪繆简簡项項褚娄婁窦竇戚岑景费費卜冷晏席卫衛柏宗瞿桂佟臧闵閔"
            + "邬鄔卞姬仇栾欒隋寇桑郎甄虞敖巩鞏佘池查苑邝鄺赖賴洪";

    /** Titles and roles written right before a name. */
    private static final List<String> TITLES = List.of("国家主席", "國家主席", "主席", "总统", "總統", "副总统", "副總統",
            "总理", "總理", "首相", "前首相", "部长", "部長", "外长", "外長", "发言人", "發言人", "记者", "記者", "候选人",
            "候選人", "总书记", "總書記", "市长", "市長", "议员", "議員", "主任", "教授", "局长", "局長", "院长", "院長",
            "董事长", "董事長", "总裁", "總裁", "教练", "教練", "球员", "球員", "选手", "選手", "嫌疑人", "夫人", "大使",
            "主帅", "主帥", "队长", "隊長", "总经理", "總經理", "首席执行官", "秘书长", "秘書長", "党主席", "黨主席", "委员",
            "委員", "官员", "官員", "代表", "法官", "检察官", "檢察官", "将军", "將軍", "国王", "國王", "女王", "王子", "总督");
    /** Words that follow a name: verbs of saying, forms of address. */
    private static final List<String> AFTER = List.of("表示", "说", "說", "称", "稱", "指出", "强调", "強調", "认为", "認為",
            "透露", "宣布", "先生", "女士", "总统", "總統", "总理", "總理", "主席", "首相", "教授", "等人");
    /** Characters that end a word in running text: particles, prepositions, conjunctions, copulas. */
    private static final Set<Character> FUNCTION = Set.of('的', '了', '在', '是', '和', '与', '與', '及', '对', '對', '于', '於',
            '向', '从', '從', '由', '被', '将', '將', '把', '为', '為', '以', '据', '據', '至', '到', '给', '給', '让', '讓', '等',
            '也', '都', '又', '并', '並', '而', '或', '但', '就', '则', '則', '已', '曾', '当', '當', '今', '昨', '因', '所',
            '之', '其', '这', '這', '那', '此', '该', '該', '会', '會', '说', '說', '称', '稱', '表', '指', '率', '获', '獲', '拿', '使', '仍', '再', '还', '還', '更', '最', '很', '要', '想', '他', '她', '我', '你', '们', '們');
    /** Endings that make a run of characters an organisation. */
    private static final List<String> ORGANISATION_ENDINGS = List.of("公司", "集团", "集團", "银行", "銀行", "大学", "大學",
            "学院", "學院", "委员会", "委員會", "协会", "協會", "联合会", "聯合會", "基金会", "基金會", "航空", "通讯社",
            "通訊社", "新闻社", "新聞社", "电视台", "電視台", "组织", "組織", "联盟", "聯盟", "法院", "议会", "議會", "医院",
            "醫院", "研究所", "研究院", "外交部", "国防部", "國防部", "商务部", "商務部", "财政部", "財政部", "教育部", "卫生部",
            "衛生部", "内政部", "內政部", "国务院", "國務院", "参议院", "參議院", "众议院", "眾議院", "立法院", "行政院", "局",
            "署", "厅", "廳", "党", "黨", "社");
    /** Institutions named by a common noun of their own, without an ending that makes an organisation. */
    private static final List<String> INSTITUTIONS = List.of("国会", "國會", "白宫", "白宮", "联合国", "聯合國", "欧盟", "歐盟",
            "北约", "北約", "克里姆林宫", "克里姆林宮", "五角大楼", "五角大樓");
    private static final int LONGEST_ORGANISATION = 12;
    /** Party and agency names are short ("民進黨", "新华社"); a longer run before them is mostly other words. */
    private static final Set<String> SHORT_ENDINGS = Set.of("党", "黨", "社");

    record Name(String text, boolean person) {
    }

    private ChineseNames() {
    }

    /** {@code place} tells a place name (a person's name does not end in one: "出任日本首相" names no "任日本"). */
    static List<Name> find(String text, java.util.function.Predicate<String> place) {
        Map<String, Boolean> names = new LinkedHashMap<>();
        findPeople(text, names, place);
        findOrganisations(text, names, place);
        names.keySet().removeIf(name -> names.get(name) && names.keySet().stream()
                .anyMatch(other -> !other.equals(name) && names.get(other) && other.startsWith(name)));
        List<Name> found = new ArrayList<>();
        names.forEach((name, person) -> found.add(new Name(name, person)));
        return found;
    }

    private static void findPeople(String text, Map<String, Boolean> names, java.util.function.Predicate<String> place) {
        int lastPersonEnd = -1;
        for (int at = 0; at < text.length(); at++) {
            if (!han(text.charAt(at))) {
                continue;
            }
            // "候选人赖清德、萧美琴": a name listed right after another is one too
            boolean listed = at >= 1 && at - 1 == lastPersonEnd && "、，,及和与與".indexOf(text.charAt(at - 1)) >= 0;
            boolean titled = titledAt(text, at) || listed && SURNAMES.indexOf(text.charAt(at)) >= 0;
            boolean surname = SURNAMES.indexOf(text.charAt(at)) >= 0;
            if (!titled && !surname || startsWord(text, at) || FUNCTION.contains(text.charAt(at))) {
                continue;
            }
            for (int length = titled ? 4 : 3; length >= 2; length--) {
                int end = at + length;
                if (end > text.length() || !allNameCharacters(text, at, end) || !boundaryAt(text, end)) {
                    continue;
                }
                boolean followed = AFTER.stream().anyMatch(a -> text.startsWith(a, end));
                String name = text.substring(at, end);
                if ((titled || followed) && !endsInPlace(name, place)) {
                    names.putIfAbsent(name, true);
                    lastPersonEnd = end;
                    at = end - 1;
                    break;
                }
            }
        }
    }

    private static void findOrganisations(String text, Map<String, Boolean> names,
            java.util.function.Predicate<String> place) {
        for (String institution : INSTITUTIONS) {
            int at = text.indexOf(institution);
            if (at >= 0 && boundaryAt(text, at + institution.length()) && !names.containsKey(institution)) {
                names.put(institution, false);
            }
        }
        for (String ending : ORGANISATION_ENDINGS) {
            for (int at = text.indexOf(ending); at >= 0; at = text.indexOf(ending, at + ending.length())) {
                int end = at + ending.length();
                if (!boundaryAt(text, end) && !(end < text.length() && text.charAt(end) == '（')
                        && !(ending.equals("社") && placeAt(text, end, place))) {
                    continue; // "局势": the ending is part of another word; but "新华社东京7月8日电" is a dateline
                }
                // "民進黨": a one-character ending takes a short name; "日本航空", "奈良县立医科大学附属医院" longer ones
                int longest = SHORT_ENDINGS.contains(ending) ? 2 : ending.length() == 1 ? 4 : LONGEST_ORGANISATION;
                int start = at;
                while (start > 0 && at - start < longest && han(text.charAt(start - 1))
                        && !FUNCTION.contains(text.charAt(start - 1))) {
                    start--;
                }
                String name = text.substring(start, end);
                if (name.length() >= 3 && !names.containsKey(name)) {
                    names.put(name, false);
                }
            }
        }
    }

    /** A place's name of two to four characters starts at {@code at}. */
    private static boolean placeAt(String text, int at, java.util.function.Predicate<String> place) {
        for (int length = 4; length >= 2; length--) {
            if (at + length <= text.length() && place.test(text.substring(at, at + length))) {
                return true;
            }
        }
        return false;
    }

    /** A title or a verb of saying starts here: no name does. */
    private static boolean startsWord(String text, int at) {
        return TITLES.stream().anyMatch(t -> text.startsWith(t, at)) || AFTER.stream().anyMatch(a -> text.startsWith(a, at));
    }

    private static boolean endsInPlace(String name, java.util.function.Predicate<String> place) {
        for (int from = 1; from + 2 <= name.length(); from++) {
            if (place.test(name.substring(from))) {
                return true;
            }
        }
        return false;
    }

    private static boolean titledAt(String text, int at) {
        for (String title : TITLES) {
            if (at >= title.length() && text.startsWith(title, at - title.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean allNameCharacters(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!han(text.charAt(i)) || (i > from && FUNCTION.contains(text.charAt(i)))) {
                return false;
            }
        }
        return true;
    }

    /** A word ends before {@code at}: the text ends, or punctuation, a function character or a following word starts. */
    private static boolean boundaryAt(String text, int at) {
        if (at >= text.length()) {
            return true;
        }
        char next = text.charAt(at);
        return !han(next) || FUNCTION.contains(next) || AFTER.stream().anyMatch(a -> text.startsWith(a, at))
                || TITLES.stream().anyMatch(t -> text.startsWith(t, at));
    }

    private static boolean han(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
