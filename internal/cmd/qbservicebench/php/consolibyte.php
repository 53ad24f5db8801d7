<?php
// The pages of a refresh (qbservicebench's capture, a file each in DIR)
// read with consolibyte/quickbooks-php's QuickBooks_XML_Parser and its
// default backend, each item's values taken with its own API; the best of
// RUNS reads. Its code is not the project's and is not kept here: LIB is
// a copy of github.com/consolibyte/quickbooks-php (EPL 1.0). Prints as
// simplexml.php does.
//   php consolibyte.php LIB DIR RUNS
[$lib, $dir, $runs] = [$argv[1], $argv[2], (int) $argv[3]];
error_reporting(E_ALL & ~E_DEPRECATED & ~E_NOTICE & ~E_WARNING);
set_include_path($lib . PATH_SEPARATOR . get_include_path());
require_once 'QuickBooks.php';
$pages = array_map('file_get_contents', glob("$dir/*.xml"));
$best = INF;
for ($r = 0; $r < $runs; $r++) {
    $lines = [];
    $began = hrtime(true);
    foreach ($pages as $page) {
        $parser = new QuickBooks_XML_Parser($page);
        $errnum = 0;
        $errmsg = '';
        $doc = $parser->parse($errnum, $errmsg);
        if (!$doc) {
            fwrite(STDERR, "a page was refused: $errmsg\n");
            exit(1);
        }
        foreach ($doc->getRoot()->getChildAt('QBXML QBXMLMsgsRs')->children() as $rs) {
            foreach ($rs->children() as $it) {
                $kind = ['ItemServiceRet' => 'Service', 'ItemOtherChargeRet' => 'OtherCharge'][$it->name()] ?? null;
                if ($kind === null) {
                    continue;
                }
                $n = $it->name();
                $desc = (string) $it->getChildDataAt("$n SalesOrPurchase Desc");
                if ($desc === '') {
                    $desc = (string) $it->getChildDataAt("$n SalesAndPurchase SalesDesc");
                }
                $active = $it->childExistsAt("$n IsActive") ? strtolower(trim($it->getChildDataAt("$n IsActive"))) : 'true';
                $lines[] = implode('|', [$kind, $it->getChildDataAt("$n ListID"), $it->getChildDataAt("$n EditSequence"),
                    $it->getChildDataAt("$n Name"), $it->getChildDataAt("$n FullName"), $active, $desc]);
            }
        }
    }
    $best = min($best, hrtime(true) - $began);
}
printf("%d %s %.3f\n", count($lines), md5(implode("\n", $lines)), $best / 1000 / max(1, count($lines)));
